import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'data-loader-mpd', include: ['src/**/*.test.ts'] },
});
