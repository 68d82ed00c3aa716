import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'data-loader-jsonl', include: ['src/**/*.test.ts'] },
});
