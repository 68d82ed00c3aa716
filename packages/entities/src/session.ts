import { z } from 'zod';
import { TrackSchema } from './track.js';
import { UserDemographicsSchema } from './user.js';

/**
 * The day of a listening session, `YYYY-MM-DD` (UTC), as the published rows' `session_date`;
 * null when the corpus dates none.
 */
export const SessionDateSchema = z.iso.date().nullable();

/** The input of one conversation: a user, the tracks they liked, and the pool to recommend from. */
export const SessionSchema = z.object({
  session_id: z.string().min(1),
  /** Null or absent when the loader dates no session (optional, so loaders written before it still type-check). */
  session_date: SessionDateSchema.optional(),
  user: UserDemographicsSchema,
  profiling_tracks: z.array(TrackSchema).min(1),
  pool_tracks: z.array(TrackSchema).min(1),
});
export type Session = z.infer<typeof SessionSchema>;
