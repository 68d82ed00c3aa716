import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { dummyCorpusDir } from './index.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

const readRecords = (fileName: string) =>
  JSON.parse(readFileSync(path.join(dummyCorpusDir, fileName), 'utf8')) as Record<string, unknown[]>;

describe('dummyCorpusDir', () => {
  it('should be a folder named dummy, the corpus name of every run directory on it', () => {
    expect(path.basename(dummyCorpusDir)).toBe('dummy');
  });

  it('should hold the reference files, and be among the files the package publishes', () => {
    for (const fileName of ['users.json', 'tracks.json', 'playlists.json']) {
      expect(existsSync(path.join(dummyCorpusDir, fileName))).toBe(true);
    }
    expect(packageJson.files).toContain(path.relative(packageRoot, dummyCorpusDir));
  });

  it('should have every audio clip and cover its tracks name', () => {
    const tracks = readRecords('tracks.json').tracks as { audio_path: string; image_path: string }[];
    expect(tracks).toHaveLength(40);
    for (const track of tracks) {
      expect(existsSync(path.join(dummyCorpusDir, track.audio_path))).toBe(true);
      expect(existsSync(path.join(dummyCorpusDir, track.image_path))).toBe(true);
    }
  });
});
