import { z } from 'zod';

/** Demographics of the real user a session comes from (Last.fm-style fields). */
export const UserDemographicsSchema = z.object({
  user_id: z.string().min(1),
  age_group: z.string(),
  gender: z.string(),
  country: z.string(),
  preferred_language: z.string(),
});
export type UserDemographics = z.infer<typeof UserDemographicsSchema>;
