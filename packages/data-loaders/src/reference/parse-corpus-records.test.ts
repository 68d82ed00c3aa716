import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { parseCorpusRecords } from './parse-corpus-records.js';
import { referenceFiles } from './reference-schemas.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (Tp2dgError.isInstance(error) && error.code === 'INVALID_INPUT') return error.message;
    throw error;
  }
  throw new Error('expected INVALID_INPUT');
}

const track = { track_id: 't1', title: 'A', artist: 'B' };

describe('parseCorpusRecords', () => {
  it('should normalise numeric ids to strings and drop null optionals', () => {
    const [parsed] = parseCorpusRecords(
      '/c/tracks.json',
      { tracks: [{ ...track, track_id: 7, album: null }] },
      referenceFiles.tracks,
    );
    expect(parsed?.track_id).toBe('7');
    expect(parsed?.album).toBeUndefined();
    expect(parsed?.tags).toEqual([]);
  });

  it('should say a missing id is required and which types it may have', () => {
    const message = messageOf(() =>
      parseCorpusRecords(
        '/c/tracks.json',
        { tracks: [track, { title: 'x', artist: 'y' }] },
        referenceFiles.tracks,
      ),
    );
    expect(message).toBe(
      '/c/tracks.json: tracks[1]: "track_id" is required (expected string or number). Fix the record.',
    );
  });

  it('should name a wrong type and the nested field', () => {
    const message = messageOf(() =>
      parseCorpusRecords(
        '/c/tracks.json',
        { tracks: [{ ...track, tags: ['ok', 3] }] },
        referenceFiles.tracks,
      ),
    );
    expect(message).toBe(
      '/c/tracks.json: tracks[0] (track_id "t1"): "tags[1]" must be string, not number. Fix the record.',
    );
  });

  it('should explain the expected top-level layout', () => {
    const message = messageOf(() => parseCorpusRecords('/c/playlists.json', [], referenceFiles.playlists));
    expect(message).toContain('expected an object with a "sessions" array');
  });
});
