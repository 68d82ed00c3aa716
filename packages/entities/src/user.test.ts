import { describe, expect, it } from 'vitest';
import { UserDemographicsSchema } from './user.js';

describe('UserDemographicsSchema', () => {
  it('should accept unknown values as null with their provenance', () => {
    const user = {
      user_id: 'mpd-owner-7',
      age_group: null,
      gender: null,
      country: 'US',
      preferred_language: null,
      provenance: {
        age_group: 'unknown',
        gender: 'unknown',
        country: 'corpus-wide',
        preferred_language: 'unknown',
      },
    };
    expect(UserDemographicsSchema.parse(user)).toEqual(user);
  });

  it('should still read files written before provenance existed', () => {
    const legacy = { user_id: 'u1', age_group: '20s', gender: 'f', country: 'BR', preferred_language: 'pt' };
    expect(UserDemographicsSchema.parse(legacy)).toEqual(legacy);
  });

  it('should require each field to be written, as a value or as null', () => {
    expect(UserDemographicsSchema.safeParse({ user_id: 'u1', gender: null, country: null }).success).toBe(
      false,
    );
  });

  it('should refuse a provenance that is not one of the documented sources', () => {
    const user = {
      user_id: 'u1',
      age_group: '20s',
      gender: null,
      country: null,
      preferred_language: null,
      provenance: {
        age_group: 'guessed',
        gender: 'unknown',
        country: 'unknown',
        preferred_language: 'unknown',
      },
    };
    expect(UserDemographicsSchema.safeParse(user).success).toBe(false);
  });
});
