import { type ModelPort, type ModelRequest, ZERO_USAGE } from '@tp2dg/entities';
import { createCooperativeReplier, promptTextOfRequest } from '@tp2dg/model-testing';
import { describe, expect, it } from 'vitest';
import { askJudge } from './ask-judge.js';
import { judgementRequests } from './judge-conversation.js';
import { loadJudgeTemplates } from './judge-templates.js';
import { conversationFixture } from './testing/conversation-fixture.js';

/** The emulators' cooperative replies, given the judge's request as it leaves this package. */
function cooperativeModel(requests: ModelRequest[]): ModelPort {
  const reply = createCooperativeReplier();
  return {
    provider: 'cooperative',
    model: 'cooperative',
    async generate(request) {
      requests.push(request);
      return { text: reply(promptTextOfRequest(request)), usage: ZERO_USAGE, finishReason: 'stop' };
    },
  };
}

describe("the emulators' cooperative replies to a judge", () => {
  it('should score every rubric of the built-in judge templates on the 1-4 scale at the first attempt', async () => {
    const templates = await loadJudgeTemplates();
    const requests: ModelRequest[] = [];
    const context = {
      sessionId: 's1',
      model: cooperativeModel(requests),
      systemInstruction: templates.render('judge-system', {}),
      maxAttempts: 1,
      onCall: () => {},
    };
    for (const request of judgementRequests(conversationFixture(), templates)) {
      expect(await askJudge(context, request)).toMatchObject({ score: 3, attempts: 1 });
    }
    expect(requests.length).toBeGreaterThan(10);
  });
});
