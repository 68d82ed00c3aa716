import type { ListenerProfile } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { formatDemographics, formatProfile } from './format-profile.js';

const profile: ListenerProfile = {
  user_id: 'mpd-owner-7',
  age: null,
  age_group: null,
  gender: null,
  country: 'US',
  country_name: null,
  preferred_language: null,
  provenance: {
    age: 'unknown',
    age_group: 'unknown',
    gender: 'unknown',
    country: 'corpus-wide',
    preferred_language: 'unknown',
  },
  preferred_musical_culture: 'US indie folk',
  top_1_artist: 'Paper Signals',
  top_1_genre: 'indie folk',
};

describe('formatProfile', () => {
  it('should write unknown demographics as unknown, never as null or a guess', () => {
    expect(formatDemographics(profile)).toBe(
      'age: unknown\nage group: unknown\ngender: unknown\ncountry: US\npreferred language: unknown',
    );
    expect(formatProfile(profile)).not.toContain('null');
  });

  it('should name the country by its ISO 3166 name beside its code, and give the age', () => {
    const known = { ...profile, age: 27, country_name: 'United States of America' };
    expect(formatDemographics(known)).toContain('age: 27\n');
    expect(formatDemographics(known)).toContain('country: United States of America (US)');
  });

  it('should follow the demographics with the inferred summary', () => {
    expect(formatProfile({ ...profile, age_group: '20s' }).split('\n')).toEqual([
      'age: unknown',
      'age group: 20s',
      'gender: unknown',
      'country: US',
      'preferred language: unknown',
      'preferred musical culture: US indie folk',
      'favourite artist: Paper Signals',
      'favourite genre: indie folk',
    ]);
  });
});
