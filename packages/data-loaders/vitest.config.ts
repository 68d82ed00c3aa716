import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'data-loaders', include: ['src/**/*.test.ts'] },
});
