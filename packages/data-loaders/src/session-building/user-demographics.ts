import type { DemographicSource, UserDemographics } from '@tp2dg/entities';
import { countryNameOf } from './country-name.js';

/** Demographic values as a corpus gives them; null, undefined or blank means unknown. */
export interface DemographicValues {
  /** In years; null, undefined or not a whole number of at least 0 means unknown. */
  age?: number | null;
  age_group?: string | null;
  gender?: string | null;
  country?: string | null;
  preferred_language?: string | null;
}

const textFields = ['age_group', 'gender', 'country', 'preferred_language'] as const;

const present = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed.length === 0 ? undefined : trimmed;
};

const wholeAge = (value: number | null | undefined): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;

/** A value from the user's record wins over a fact the corpus states for everyone. */
function sourced<Value>(
  recorded: Value | undefined,
  general: Value | undefined,
): [Value | null, DemographicSource] {
  if (recorded !== undefined) return [recorded, 'corpus'];
  if (general !== undefined) return [general, 'corpus-wide'];
  return [null, 'unknown'];
}

/**
 * A user with each field's provenance: a value from the user's record is `corpus`, a fact
 * the corpus documents for every user (`corpusWide`, e.g. the MPD's US owners) is
 * `corpus-wide`, anything else is null and `unknown`. `country_name` is the ISO 3166 name of
 * the country found (null when it names none) and shares its provenance. Loaders build users
 * only through this, so a value can never appear without saying where it came from.
 */
export function createUserDemographics(
  userId: string,
  fromRecord: DemographicValues,
  corpusWide: DemographicValues = {},
): UserDemographics {
  const [age, ageSource] = sourced(wholeAge(fromRecord.age), wholeAge(corpusWide.age));
  const text = Object.fromEntries(
    textFields.map((field) => [field, sourced(present(fromRecord[field]), present(corpusWide[field]))]),
  ) as Record<(typeof textFields)[number], [string | null, DemographicSource]>;
  // Spelled out in the order the saved files show them.
  return {
    user_id: userId,
    age,
    age_group: text.age_group[0],
    gender: text.gender[0],
    country: text.country[0],
    country_name: countryNameOf(text.country[0]),
    preferred_language: text.preferred_language[0],
    provenance: {
      age: ageSource,
      age_group: text.age_group[1],
      gender: text.gender[1],
      country: text.country[1],
      preferred_language: text.preferred_language[1],
    },
  };
}
