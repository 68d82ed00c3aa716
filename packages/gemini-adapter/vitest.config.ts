import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'gemini-adapter', include: ['src/**/*.test.ts'] },
});
