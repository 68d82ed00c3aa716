import type { Track } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { describeTrackContents } from './describe-track-contents.js';

const track = (fields: Partial<Track> = {}): Track => ({
  track_id: 't1',
  title: 'Night Swim',
  artist: 'Lumen',
  tags: [],
  ...fields,
});
const full = track({
  album: 'Tides',
  tags: ['dream pop'],
  lyrics: 'Under the water',
  audio_path: '/corpus/a.wav',
  image_path: '/corpus/a.png',
});

describe('describeTrackContents', () => {
  it('should name what a recommendation reaches the Listener as, as in the paper', () => {
    expect(describeTrackContents([full], 'recommended')).toBe(
      'a line of text with its title, artist and album, then its audio clip and its cover image',
    );
  });

  it('should name the lyrics excerpt only in a view that sends it, to a track that has lyrics', () => {
    expect(describeTrackContents([full], 'recommended')).not.toContain('lyrics');
    expect(describeTrackContents([full], 'recommended-with-lyrics')).toContain('album and lyrics excerpt');
    expect(describeTrackContents([track()], 'recommended-with-lyrics')).not.toContain('lyrics');
  });

  it('should not name media that is not sent, and say which come only for some tracks', () => {
    expect(describeTrackContents([track()], 'recommended')).toBe('a line of text with its title and artist');
    const mixed = describeTrackContents([full, track({ album: 'Other' })], 'anonymous');
    expect(mixed).toBe(
      'a line of text with its title, artist and album (and, for some tracks, its tags and lyrics excerpt), then its audio clip when it has one and its cover image when it has one',
    );
  });

  it('should put the track_id first in the Recsys catalog', () => {
    expect(describeTrackContents([full], 'catalog')).toMatch(
      /^a line of text with its track_id, title, artist/,
    );
  });
});
