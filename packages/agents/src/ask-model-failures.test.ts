import { type ModelPort, Tp2dgError } from '@tp2dg/entities';
import { loadPromptSet, type PromptSet } from '@tp2dg/prompts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentContext } from './agent-context.js';
import { askModel } from './ask-model.js';
import { ACKNOWLEDGEMENT } from './reply/reply-spec.js';

let prompts: PromptSet;
beforeAll(async () => {
  prompts = await loadPromptSet();
});

function askFailing(error: unknown) {
  const model: ModelPort = {
    provider: 'failing',
    model: 'failing',
    generate: () => Promise.reject(error),
  };
  const context: AgentContext = {
    sessionId: 's1',
    model,
    prompts,
    responseFormat: 'yaml',
    maxReasks: 2,
    maxBlockedRetries: 2,
    onCall: () => {},
    now: () => 0,
  };
  return askModel(context, {
    agent: 'recsys',
    turn: 3,
    template: 'recsys-priming',
    history: [],
    parts: [{ kind: 'text', text: 'the pool' }],
    reply: ACKNOWLEDGEMENT,
  });
}

describe('askModel failures', () => {
  it('should report a failed call as a model failure at its agent and turn', async () => {
    const failure = await askFailing(new Error('socket hang up')).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'MODEL_API',
      callSite: { agent: 'recsys', turn: 3 },
      message: 'recsys agent, turn 3, attempt 1: model call failed after 0 ms: socket hang up',
    });
  });

  it('should pass an output write error through unchanged, never as a model failure', async () => {
    const diskFull = new Tp2dgError('OUTPUT_WRITE', '/out/.journal/u1/s1.jsonl: the disk is full (ENOSPC).');
    await expect(askFailing(diskFull)).rejects.toBe(diskFull);
    expect(diskFull.callSite).toBeUndefined();
  });
});
