import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'audio-snippets', include: ['src/**/*.test.ts'] },
});
