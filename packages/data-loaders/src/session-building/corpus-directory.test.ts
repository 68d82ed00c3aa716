import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDirectory } from './corpus-directory.js';

describe('corpusDirectory', () => {
  it("should take the loader's dir option before --data, made absolute", () => {
    expect(corpusDirectory('mpd', 'slices', '/data', 'the MPD directory')).toBe(path.resolve('slices'));
    expect(corpusDirectory('mpd', undefined, '/data', 'the MPD directory')).toBe('/data');
  });

  it('should name the loader, the directory and both ways to give it when neither is given', () => {
    expect(() => corpusDirectory('mpd', undefined, undefined, 'the MPD directory')).toThrow(
      'The mpd loader needs the MPD directory. Pass --source-option dir=DIR (or --data DIR).',
    );
  });
});
