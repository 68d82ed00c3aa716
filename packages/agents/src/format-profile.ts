import type { ListenerProfile } from '@tp2dg/entities';

/** The listener profile as both chat agents read it. */
export function formatProfile(profile: ListenerProfile): string {
  return [
    `age group: ${profile.age_group}`,
    `gender: ${profile.gender}`,
    `country: ${profile.country}`,
    `preferred language: ${profile.preferred_language}`,
    `preferred musical culture: ${profile.preferred_musical_culture}`,
    `favourite artist: ${profile.top_1_artist}`,
    `favourite genre: ${profile.top_1_genre}`,
  ].join('\n');
}
