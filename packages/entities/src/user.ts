import { z } from 'zod';

/**
 * Where a demographic value came from. `corpus`: the user's own record in the corpus.
 * `corpus-wide`: a fact the corpus documents for all its users (the MPD's owners are all US
 * users), not read from a record. `run`: set by the run, not the corpus: the language the
 * conversation is written in (`--language`), for a user whose corpus states no preferred
 * language. `unknown`: the corpus does not say, and the value is null; tp2dg never fills it
 * in, so the model reads "unknown" rather than a guess.
 */
export const DemographicSourceSchema = z.enum(['corpus', 'corpus-wide', 'run', 'unknown']);
export type DemographicSource = z.infer<typeof DemographicSourceSchema>;

/**
 * The source of each demographic field; a null field is always `unknown`. `country_name` is
 * looked up from `country`, so it has that field's source. `age` is absent in files written
 * before it existed.
 */
export const DemographicsProvenanceSchema = z.object({
  age: DemographicSourceSchema.optional(),
  age_group: DemographicSourceSchema,
  gender: DemographicSourceSchema,
  country: DemographicSourceSchema,
  preferred_language: DemographicSourceSchema,
});
export type DemographicsProvenance = z.infer<typeof DemographicsProvenanceSchema>;

/**
 * Demographics of the real user a session comes from (Last.fm-style fields, as the published
 * TalkPlayData 2 rows have them). A field is null when the corpus does not know it. `country`
 * is what the corpus states (an ISO 3166-1 alpha-2 code in LFM-2b); `country_name` is that
 * country's ISO 3166 name, null when `country` names none. `age` and `country_name` read as
 * null, and `provenance` stays absent, in files written before they existed; without
 * `provenance`, every non-null value came from the user's record (`corpus`).
 */
export const UserDemographicsSchema = z.object({
  user_id: z.string().min(1),
  age: z.number().int().min(0).nullable().default(null),
  age_group: z.string().nullable(),
  gender: z.string().nullable(),
  country: z.string().nullable(),
  country_name: z.string().nullable().default(null),
  preferred_language: z.string().nullable(),
  provenance: DemographicsProvenanceSchema.optional(),
});
export type UserDemographics = z.infer<typeof UserDemographicsSchema>;
