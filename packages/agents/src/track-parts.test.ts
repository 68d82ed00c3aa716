import type { Track } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { describeTrack, trackParts } from './track-parts.js';

const track: Track = {
  track_id: 'spotify:42',
  title: 'Night Swim',
  artist: 'Lumen',
  album: 'Tides',
  tags: ['dream pop', 'reverb'],
  lyrics: `${'la '.repeat(100)}end`,
  release_date: '2014-06-01',
  tempo: 92,
  key: 'A minor',
  popularity: 61,
  audio_path: '/corpus/audio/42.wav',
  image_path: '/corpus/images/42.jpg',
};

describe('describeTrack', () => {
  it('should give the Recsys every field with the id, and cut lyrics to an excerpt', () => {
    const text = describeTrack(track, 'catalog');
    expect(text).toMatch(/^track_id: spotify:42 \| "Night Swim" by Lumen/);
    for (const field of [
      'album: Tides',
      'tags: dream pop, reverb',
      'tempo: 92 BPM',
      'key: A minor',
      'popularity: 61',
      'released: 2014-06-01',
    ]) {
      expect(text).toContain(field);
    }
    expect(text).not.toContain('end"');
    expect(text).toContain('..."');
  });

  it('should hide the id from the other agents, and all but title, artist and album of a recommendation', () => {
    expect(describeTrack(track, 'anonymous')).not.toContain('spotify:42');
    expect(describeTrack(track, 'recommended')).toBe('"Night Swim" by Lumen | album: Tides');
  });

  it('should attach the audio clip and cover with their media types', () => {
    expect(trackParts(track, 'anonymous').slice(1)).toEqual([
      { kind: 'file', path: '/corpus/audio/42.wav', mimeType: 'audio/wav' },
      { kind: 'file', path: '/corpus/images/42.jpg', mimeType: 'image/jpeg' },
    ]);
  });

  it('should send media as the types a run found in their content, over what the names say', () => {
    const checked: Track = { ...track, audio_mime_type: 'audio/mp3', image_mime_type: 'image/png' };
    expect(trackParts(checked, 'catalog').slice(1)).toEqual([
      { kind: 'file', path: '/corpus/audio/42.wav', mimeType: 'audio/mp3' },
      { kind: 'file', path: '/corpus/images/42.jpg', mimeType: 'image/png' },
    ]);
  });
});
