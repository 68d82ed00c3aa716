import { UserDemographicsSchema } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createUserDemographics } from './user-demographics.js';

describe('createUserDemographics', () => {
  it('should mark recorded values corpus, documented facts corpus-wide and the rest unknown', () => {
    const user = createUserDemographics(
      'u1',
      { gender: ' f ', age_group: '', age: 23 },
      { country: 'US', gender: 'x' },
    );
    expect(user).toEqual({
      user_id: 'u1',
      age: 23,
      age_group: null,
      gender: 'f',
      country: 'US',
      country_name: 'United States of America',
      preferred_language: null,
      provenance: {
        age: 'corpus',
        age_group: 'unknown',
        gender: 'corpus',
        country: 'corpus-wide',
        preferred_language: 'unknown',
      },
    });
    expect(UserDemographicsSchema.safeParse(user).success).toBe(true);
  });

  it('should give a user with nothing known only nulls', () => {
    const user = createUserDemographics('u2', {});
    expect([
      user.age,
      user.age_group,
      user.gender,
      user.country,
      user.country_name,
      user.preferred_language,
    ]).toEqual([null, null, null, null, null, null]);
    expect(Object.values(user.provenance ?? {})).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('should leave an age that is not a whole number of years, and a country ISO 3166 does not know, unnamed', () => {
    const user = createUserDemographics('u3', { age: -1, country: 'Narnia' });
    expect(user.age).toBeNull();
    expect(user.provenance?.age).toBe('unknown');
    expect(user.country).toBe('Narnia');
    expect(user.country_name).toBeNull();
    expect(createUserDemographics('u4', { age: 23.5 }).age).toBeNull();
  });
});
