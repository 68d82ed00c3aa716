import { z } from 'zod';
import { UserDemographicsSchema } from './user.js';

/** What the Profile agent infers from the profiling tracks. */
export const ProfileSummarySchema = z.object({
  preferred_musical_culture: z.string().min(1),
  top_1_artist: z.string().min(1),
  top_1_genre: z.string().min(1),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

/** Demographics plus the inferred summary: what both chat agents see of the listener. */
export const ListenerProfileSchema = UserDemographicsSchema.extend(ProfileSummarySchema.shape);
export type ListenerProfile = z.infer<typeof ListenerProfileSchema>;
