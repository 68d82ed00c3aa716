import type { ListenerProfile, UserDemographics } from '@tp2dg/entities';

/** A null demographic is one the corpus does not know: the model reads that, never a guess. */
const known = (value: string | null) => value ?? 'unknown';

/** The demographic lines both the Profile agent and the chat agents read. */
export function formatDemographics(user: UserDemographics): string {
  return [
    `age group: ${known(user.age_group)}`,
    `gender: ${known(user.gender)}`,
    `country: ${known(user.country)}`,
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
