import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { loadPromptSet } from './load-prompt-set.js';

function renderError(render: () => unknown): Tp2dgError {
  try {
    render();
  } catch (error) {
    if (Tp2dgError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected render to throw');
}

describe('PromptSet.render', () => {
  it('should substitute every declared parameter', async () => {
    const prompts = await loadPromptSet();
    const text = prompts.render('reask', {
      problem: 'track_id was empty',
      fields: 'thought, track_id, message',
    });
    expect(text).toContain('could not be used: track_id was empty.');
    expect(text).toContain('exactly these keys: thought, track_id, message');
    expect(text).not.toContain('{{');
  });

  it('should name the template, file and parameter when one is missing', async () => {
    const prompts = await loadPromptSet();
    const error = renderError(() => prompts.render('reask', { problem: 'bad' }));
    expect(error.code).toBe('PROMPT_TEMPLATE');
    expect(error.message).toContain('template reask');
    expect(error.message).toContain('reask.md');
    expect(error.message).toContain('missing parameter fields');
  });

  it('should reject an unknown parameter', async () => {
    const prompts = await loadPromptSet();
    const error = renderError(() => prompts.render('reask', { problem: 'bad', fields: 'a', extra: 'x' }));
    expect(error.code).toBe('PROMPT_TEMPLATE');
    expect(error.message).toContain('unknown parameter extra');
  });

  it('should keep a value containing braces verbatim', async () => {
    const prompts = await loadPromptSet();
    const text = prompts.render('recsys-turn', {
      turn: '3',
      listener_message: 'play {{turn}} and {{recommended_track_ids}} $& $1',
      recommended_track_ids: 't1, t2',
      language: 'English',
    });
    expect(text).toContain('play {{turn}} and {{recommended_track_ids}} $& $1');
    expect(text).toContain('Turn 3.');
  });
});
