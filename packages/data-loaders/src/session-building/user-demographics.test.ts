import { UserDemographicsSchema } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createUserDemographics } from './user-demographics.js';

describe('createUserDemographics', () => {
  it('should mark recorded values corpus, documented facts corpus-wide and the rest unknown', () => {
    const user = createUserDemographics(
      'u1',
      { gender: ' f ', age_group: '' },
      { country: 'US', gender: 'x' },
    );
    expect(user).toEqual({
      user_id: 'u1',
      age_group: null,
      gender: 'f',
      country: 'US',
      preferred_language: null,
      provenance: {
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
    expect([user.age_group, user.gender, user.country, user.preferred_language]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(Object.values(user.provenance ?? {})).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });
});
