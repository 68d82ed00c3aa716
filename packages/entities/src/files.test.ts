import { describe, expect, it } from 'vitest';
import { ChatFileSchema, dataLabel, ProfilingFileSchema, SIMULATED_PROVIDER } from './files.js';

const turn = {
  turn: 1,
  listener: { thought: 't', goal_progress_assessment: null, message: 'm', response_code: 'SUCCESS' },
  recsys: { thought: 't', message: 'm', track: null, response_code: 'NO_TRACK_FOUND' },
};

describe('dataLabel', () => {
  it('should say simulated for the simulated provider only', () => {
    expect(dataLabel(SIMULATED_PROVIDER)).toEqual({ provider: 'simulated', simulated: true });
    expect(dataLabel('gemini')).toEqual({ provider: 'gemini', simulated: false });
  });
});

describe('the labels of saved files', () => {
  it('should put the label first in a file, where someone opening it sees it', () => {
    const profiling = ProfilingFileSchema.parse({
      user: { user_id: 'u1', age_group: null, gender: null, country: null, preferred_language: null },
      summary: { preferred_musical_culture: 'c', top_1_artist: 'a', top_1_genre: 'g' },
      ...dataLabel(SIMULATED_PROVIDER),
    });
    expect(Object.keys(profiling).slice(0, 2)).toEqual(['provider', 'simulated']);
    expect(Object.keys(ChatFileSchema.parse([{ ...turn, ...dataLabel('gemini') }])[0] ?? {})).toEqual([
      'provider',
      'simulated',
      'turn',
      'listener',
      'recsys',
    ]);
  });

  it('should read files of earlier versions, without a label, as not simulated', () => {
    const [old] = ChatFileSchema.parse([turn]);
    expect(old?.simulated).toBe(false);
    expect(old?.provider).toBeUndefined();
  });
});
