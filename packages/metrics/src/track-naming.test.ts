import { describe, expect, it } from 'vitest';
import { type Recommendation, trackNaming } from './track-naming.js';
import { words } from './words.js';

const track = (title: string, artist: string) => ({ title: words(title), artist: words(artist) });
const recommended = track('Lights Over the Harbor (Part 14)', 'Midnight Orchard');
const otherPoolTracks = [
  track('Lights Over the Harbor', 'Hollow Lanterns'),
  track('Echoes of Saturn', 'Midnight Orchard'),
];
const recommendation = (message: string): Recommendation => ({
  message: words(message),
  track: recommended,
  otherPoolTracks,
});

describe('trackNaming', () => {
  it('should count title, artist, other pool tracks and the messages naming only the recommended track', () => {
    const naming = trackNaming([
      // Title and artist; the other track's title inside the recommended one is not a second track.
      recommendation('Try “Lights Over the Harbor (Part 14)” by Midnight Orchard.'),
      // The artist alone, though another pool track is theirs too.
      recommendation('More Midnight Orchard, with strings this time.'),
      // The recommended title, then another pool track by name.
      recommendation('Lights over the harbor (part 14), or else Echoes of Saturn.'),
      // The other track whose title the recommended one contains, on its own.
      recommendation('Unlike Lights Over the Harbor, this one swells: Midnight Orchard.'),
      // Neither.
      recommendation('Here is something with more strings.'),
    ]);
    expect(naming).toEqual({
      turns: 5,
      names_title: 2,
      names_artist: 3,
      names_other_pool_track: 2,
      names_recommended_only: { count: 2, out_of: 5, share: 0.4 },
    });
  });

  it('should give no share without a recommendation', () => {
    expect(trackNaming([]).names_recommended_only).toEqual({ count: 0, out_of: 0, share: null });
  });
});
