import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'data-loader-lastfm', include: ['src/**/*.test.ts'] },
});
