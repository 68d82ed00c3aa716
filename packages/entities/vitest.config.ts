import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'entities', include: ['src/**/*.test.ts'] },
});
