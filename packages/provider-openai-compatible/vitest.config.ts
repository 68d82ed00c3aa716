import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'provider-openai-compatible', include: ['src/**/*.test.ts'] },
});
