import type { DemographicsProvenance, UserDemographics } from '@tp2dg/entities';

/**
 * The user as the chat agents and the saved files have them: a preferred language the corpus
 * does not state is the language the conversation is written in, marked as set by the run
 * (`run`), as the published rows always give one. The Profile agent still reads the corpus's
 * own record, where it is unknown. A user without provenance gets one, each known value from
 * its record (what an absent provenance means), so the chosen language is never taken for it.
 */
export function conversationUser(user: UserDemographics, language: string): UserDemographics {
  if (user.preferred_language !== null) return user;
  const provenance: DemographicsProvenance = user.provenance ?? {
    age: user.age === null ? 'unknown' : 'corpus',
    age_group: user.age_group === null ? 'unknown' : 'corpus',
    gender: user.gender === null ? 'unknown' : 'corpus',
    country: user.country === null ? 'unknown' : 'corpus',
    preferred_language: 'unknown',
  };
  return { ...user, preferred_language: language, provenance: { ...provenance, preferred_language: 'run' } };
}
