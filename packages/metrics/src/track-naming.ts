import { z } from 'zod';
import { ProportionSchema, proportion } from './statistics.js';
import { wordSequenceStarts } from './words.js';

/** A track by the words of its title and of its artist. */
export interface TrackWords {
  title: readonly string[];
  artist: readonly string[];
}

/** One Recsys message that came with a track, and the rest of its conversation's pool. */
export interface Recommendation {
  message: readonly string[];
  track: TrackWords;
  /** Every other track of the pool, those recommended at other turns included. */
  otherPoolTracks: readonly TrackWords[];
}

export const TrackNamingSchema = z.object({
  /** Recsys turns that came with a track: the turns checked. */
  turns: z.number().int().min(0),
  /** Turns whose message names the recommended track's title. */
  names_title: z.number().int().min(0),
  /** Turns whose message names the recommended track's artist. */
  names_artist: z.number().int().min(0),
  /** Turns whose message names another pool track's title, outside its naming of the recommended track. */
  names_other_pool_track: z.number().int().min(0),
  /** Turns naming the recommended track (title or artist) and no other pool track, out of `turns`. */
  names_recommended_only: ProportionSchema,
});
export type TrackNaming = z.infer<typeof TrackNamingSchema>;

/** The word positions of the message where any of `phrases` occurs. */
function positionsNaming(message: readonly string[], phrases: readonly (readonly string[])[]): Set<number> {
  const positions = new Set<number>();
  for (const phrase of phrases) {
    for (const start of wordSequenceStarts(message, phrase)) {
      for (let position = start; position < start + phrase.length; position += 1) positions.add(position);
    }
  }
  return positions;
}

/**
 * What one Recsys message names. Another pool track counts only where its title is not part of
 * the recommended track's title or artist as the message gives them: "Lights Over the Harbor"
 * inside "Lights Over the Harbor (Part 14)" is the recommended track, not a second one.
 */
export function namesInRecommendation({ message, track, otherPoolTracks }: Recommendation) {
  const title = wordSequenceStarts(message, track.title).length > 0;
  const artist = wordSequenceStarts(message, track.artist).length > 0;
  const recommended = positionsNaming(message, [track.title, track.artist]);
  const otherPoolTrack = otherPoolTracks.some((other) =>
    wordSequenceStarts(message, other.title).some((start) =>
      other.title.some((_, offset) => !recommended.has(start + offset)),
    ),
  );
  return { title, artist, otherPoolTrack };
}

export function trackNaming(recommendations: readonly Recommendation[]): TrackNaming {
  const names = recommendations.map(namesInRecommendation);
  const recommendedOnly = names.filter((name) => (name.title || name.artist) && !name.otherPoolTrack);
  return {
    turns: names.length,
    names_title: names.filter((name) => name.title).length,
    names_artist: names.filter((name) => name.artist).length,
    names_other_pool_track: names.filter((name) => name.otherPoolTrack).length,
    names_recommended_only: proportion(recommendedOnly.length, names.length),
  };
}
