import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTemporaryDirectory, removeTemporaryDirectories } from '../test-support/temporary-corpus.js';
import { createSyntheticRecords } from './synthetic-records.js';
import { writeSyntheticCorpus } from './write-synthetic-corpus.js';

afterAll(removeTemporaryDirectories);

const options = { users: 4, tracks: 40, sessions: 8, tracksPerSession: { min: 13, max: 16 }, seed: 3 };

describe('writeSyntheticCorpus', () => {
  it('should write byte-identical corpora for the same seed', async () => {
    const [first, second] = [await createTemporaryDirectory(), await createTemporaryDirectory()];
    await writeSyntheticCorpus(first, options);
    await writeSyntheticCorpus(second, options);
    for (const file of ['users.json', 'tracks.json', 'playlists.json', 'audio/t007.wav', 'images/t007.png']) {
      expect(await readFile(path.join(second, file)), file).toEqual(await readFile(path.join(first, file)));
    }
    expect(await readdir(path.join(first, 'audio'))).toHaveLength(40);
    expect(await readdir(path.join(first, 'images'))).toHaveLength(40);
  });

  it('should make different corpora for different seeds', () => {
    expect(createSyntheticRecords({ ...options, seed: 4 })).not.toEqual(createSyntheticRecords(options));
  });

  it('should respect the session length range and never repeat a track in a session', () => {
    const { sessions, users } = createSyntheticRecords(options);
    expect(sessions).toHaveLength(8);
    expect(new Set(sessions.map((session) => session.user_id)).size).toBe(users.length);
    for (const session of sessions) {
      expect(session.track_ids.length).toBeGreaterThanOrEqual(13);
      expect(session.track_ids.length).toBeLessThanOrEqual(16);
      expect(new Set(session.track_ids).size).toBe(session.track_ids.length);
    }
  });

  it('should give tracks a genre, 2 to 4 tags, relative media paths, and lyrics to some', () => {
    const { tracks, users } = createSyntheticRecords(options);
    for (const track of tracks) {
      expect(track.genre.length).toBeGreaterThan(0);
      expect(track.tags.length).toBeGreaterThanOrEqual(2);
      expect(track.tags.length).toBeLessThanOrEqual(4);
      expect(track.audio_path).toBe(`audio/${track.track_id}.wav`);
    }
    expect(tracks.some((track) => track.lyrics !== undefined)).toBe(true);
    expect(tracks.some((track) => track.lyrics === undefined)).toBe(true);
    expect(new Set(users.map((user) => user.country)).size).toBe(users.length);
  });

  it('should refuse sessions longer than the track catalogue', () => {
    expect(() => createSyntheticRecords({ ...options, tracksPerSession: 41 })).toThrow(/tracksPerSession/);
  });
});
