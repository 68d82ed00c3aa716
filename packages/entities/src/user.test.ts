import { describe, expect, it } from 'vitest';
import { UserDemographicsSchema } from './user.js';

describe('UserDemographicsSchema', () => {
  it('should accept unknown values as null with their provenance', () => {
    const user = {
      user_id: 'mpd-owner-7',
      age: null,
      age_group: null,
      gender: null,
      country: 'US',
      country_name: 'United States of America',
      preferred_language: null,
      provenance: {
        age: 'unknown',
        age_group: 'unknown',
        gender: 'unknown',
        country: 'corpus-wide',
        preferred_language: 'unknown',
      },
    };
    expect(UserDemographicsSchema.parse(user)).toEqual(user);
  });

  it('should read files written before provenance, age and country names existed, as unknown', () => {
    const legacy = { user_id: 'u1', age_group: '20s', gender: 'f', country: 'BR', preferred_language: 'pt' };
    expect(UserDemographicsSchema.parse(legacy)).toEqual({ ...legacy, age: null, country_name: null });
    const beforeAge = {
      ...legacy,
      provenance: { age_group: 'corpus', gender: 'corpus', country: 'corpus', preferred_language: 'corpus' },
    };
    expect(UserDemographicsSchema.parse(beforeAge).provenance).toEqual(beforeAge.provenance);
  });

  it('should take a preferred language set by the run', () => {
    const user = {
      user_id: 'u1',
      age: 23,
      age_group: '20s',
      gender: null,
      country: null,
      country_name: null,
      preferred_language: 'English',
      provenance: {
        age: 'corpus',
        age_group: 'corpus',
        gender: 'unknown',
        country: 'unknown',
        preferred_language: 'run',
      },
    };
    expect(UserDemographicsSchema.parse(user)).toEqual(user);
  });

  it('should require each original field to be written, as a value or as null', () => {
    expect(UserDemographicsSchema.safeParse({ user_id: 'u1', gender: null, country: null }).success).toBe(
      false,
    );
  });

  it('should refuse a provenance that is not one of the documented sources, and an age that is not a whole number', () => {
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
    const { provenance: _provenance, ...withoutProvenance } = user;
    expect(UserDemographicsSchema.safeParse({ ...withoutProvenance, age: 23.5 }).success).toBe(false);
    expect(UserDemographicsSchema.safeParse({ ...withoutProvenance, age: 23 }).success).toBe(true);
  });
});
