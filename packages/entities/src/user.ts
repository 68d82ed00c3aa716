import { z } from 'zod';

/**
 * Where a demographic value came from. `corpus`: the user's own record in the corpus.
 * `corpus-wide`: a fact the corpus documents for all its users (the MPD's owners are all US
 * users), not read from a record. `unknown`: the corpus does not say, and the value is null;
 * tp2dg never fills it in, so the model reads "unknown" rather than a guess.
 */
export const DemographicSourceSchema = z.enum(['corpus', 'corpus-wide', 'unknown']);
export type DemographicSource = z.infer<typeof DemographicSourceSchema>;

/** The source of each demographic field; a null field is always `unknown`. */
export const DemographicsProvenanceSchema = z.object({
  age_group: DemographicSourceSchema,
  gender: DemographicSourceSchema,
  country: DemographicSourceSchema,
  preferred_language: DemographicSourceSchema,
});
export type DemographicsProvenance = z.infer<typeof DemographicsProvenanceSchema>;

/**
 * Demographics of the real user a session comes from (Last.fm-style fields). A field is
 * null when the corpus does not know it. `provenance` is absent in files written before it
 * existed; then every non-null value came from the user's record (`corpus`).
 */
export const UserDemographicsSchema = z.object({
  user_id: z.string().min(1),
  age_group: z.string().nullable(),
  gender: z.string().nullable(),
  country: z.string().nullable(),
  preferred_language: z.string().nullable(),
  provenance: DemographicsProvenanceSchema.optional(),
});
export type UserDemographics = z.infer<typeof UserDemographicsSchema>;
