import { z } from 'zod';
import { TrackSchema } from './track.js';
import { UserDemographicsSchema } from './user.js';

/** The input of one conversation: a user, the tracks they liked, and the pool to recommend from. */
export const SessionSchema = z.object({
  session_id: z.string().min(1),
  user: UserDemographicsSchema,
  profiling_tracks: z.array(TrackSchema).min(1),
  pool_tracks: z.array(TrackSchema).min(1),
});
export type Session = z.infer<typeof SessionSchema>;
