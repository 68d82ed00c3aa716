import type { ListenerProfile, UserDemographics } from '@tp2dg/entities';

/**
 * A null demographic is one the corpus does not know: the model reads that, never a guess.
 * Undefined too: a user built by hand, not by `createUserDemographics`, may lack the newer fields.
 */
const known = (value: string | number | null | undefined) =>
  value === null || value === undefined ? 'unknown' : String(value);

/** The country by its ISO 3166 name when the loader found one, with the code the corpus gave. */
function describeCountry(user: UserDemographics): string {
  return user.country_name && user.country ? `${user.country_name} (${user.country})` : known(user.country);
}

/** The demographic lines both the Profile agent and the chat agents read. */
export function formatDemographics(user: UserDemographics): string {
  return [
    `age: ${known(user.age)}`,
    `age group: ${known(user.age_group)}`,
    `gender: ${known(user.gender)}`,
    `country: ${describeCountry(user)}`,
    `preferred language: ${known(user.preferred_language)}`,
  ].join('\n');
}

/** The listener profile as both chat agents read it. */
export function formatProfile(profile: ListenerProfile): string {
  return [
    formatDemographics(profile),
    `preferred musical culture: ${profile.preferred_musical_culture}`,
    `favourite artist: ${profile.top_1_artist}`,
    `favourite genre: ${profile.top_1_genre}`,
  ].join('\n');
}
