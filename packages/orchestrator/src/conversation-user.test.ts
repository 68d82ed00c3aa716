import type { UserDemographics } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { conversationUser } from './conversation-user.js';

const user: UserDemographics = {
  user_id: 'u1',
  age: 31,
  age_group: '30s',
  gender: null,
  country: 'BR',
  country_name: 'Brazil',
  preferred_language: null,
  provenance: {
    age: 'corpus',
    age_group: 'corpus',
    gender: 'unknown',
    country: 'corpus',
    preferred_language: 'unknown',
  },
};

describe('conversationUser', () => {
  it("should give a user without a preferred language the conversation's, set by the run", () => {
    const chosen = conversationUser(user, 'English');
    expect(chosen.preferred_language).toBe('English');
    expect(chosen.provenance).toEqual({ ...user.provenance, preferred_language: 'run' });
    expect(user.preferred_language).toBeNull();
  });

  it("should keep the corpus's preferred language, whatever the conversation's", () => {
    const speaker = { ...user, preferred_language: 'Portuguese' };
    expect(conversationUser(speaker, 'English')).toBe(speaker);
  });

  it('should give a user without provenance one that does not take the chosen language for a record', () => {
    const { provenance: _provenance, ...bare } = user;
    expect(conversationUser(bare, 'German').provenance).toEqual({
      age: 'corpus',
      age_group: 'corpus',
      gender: 'unknown',
      country: 'corpus',
      preferred_language: 'run',
    });
  });
});
