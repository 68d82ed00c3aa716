import { createUserDemographics } from '@tp2dg/data-loaders';
import type { UserDemographics } from '@tp2dg/entities';
import type { CorpusUser } from './read-users.js';

/**
 * A session's user as tp2dg writes it, each field with its provenance. A user the users
 * file lacks (or a corpus without one) has every field null; the corpora never state a
 * preferred language, so that stays null rather than being guessed from the country.
 */
export function toUserDemographics(userId: string, user: CorpusUser | undefined): UserDemographics {
  return createUserDemographics(userId, {
    age: user?.age,
    age_group: user?.ageGroup,
    gender: user?.gender,
    country: user?.country,
  });
}
