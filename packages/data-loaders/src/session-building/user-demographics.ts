import type { DemographicSource, UserDemographics } from '@tp2dg/entities';

/** Demographic values as a corpus gives them; null, undefined or blank means unknown. */
export interface DemographicValues {
  age_group?: string | null;
  gender?: string | null;
  country?: string | null;
  preferred_language?: string | null;
}

const fields = ['age_group', 'gender', 'country', 'preferred_language'] as const;

const present = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed.length === 0 ? undefined : trimmed;
};

/**
 * A user with each field's provenance: a value from the user's record is `corpus`, a fact
 * the corpus documents for every user (`corpusWide`, e.g. the MPD's US owners) is
 * `corpus-wide`, anything else is null and `unknown`. Loaders build users only through this,
 * so a value can never appear without saying where it came from.
 */
export function createUserDemographics(
  userId: string,
  fromRecord: DemographicValues,
  corpusWide: DemographicValues = {},
): UserDemographics {
  const user: UserDemographics = {
    user_id: userId,
    age_group: null,
    gender: null,
    country: null,
    preferred_language: null,
    provenance: {
      age_group: 'unknown',
      gender: 'unknown',
      country: 'unknown',
      preferred_language: 'unknown',
    },
  };
  for (const field of fields) {
    const recorded = present(fromRecord[field]);
    const general = present(corpusWide[field]);
    const [value, source]: [string | null, DemographicSource] =
      recorded !== undefined
        ? [recorded, 'corpus']
        : general !== undefined
          ? [general, 'corpus-wide']
          : [null, 'unknown'];
    user[field] = value;
    (user.provenance as NonNullable<UserDemographics['provenance']>)[field] = source;
  }
  return user;
}
