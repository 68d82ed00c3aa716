import type { Judgement, RubricScores } from '@tp2dg/entities';
import { rubricScores } from '@tp2dg/entities';
import { allOrAbort } from '@tp2dg/orchestrator';
import { askJudge, type JudgeContext, type JudgementRequest } from './ask-judge.js';
import type { JudgeTemplates } from './judge-templates.js';
import type { JudgedConversation } from './judged-conversation.js';
import { RUBRICS } from './rubrics/all-rubrics.js';

/** A conversation's judgements, in rubric then turn order, and each rubric's mean. */
export interface ConversationScores {
  judgements: Judgement[];
  scores: RubricScores;
}

/** Every judgement a conversation gets: each rubric once, or at each turn it applies to. */
export function judgementRequests(
  conversation: JudgedConversation,
  templates: JudgeTemplates,
): JudgementRequest[] {
  const reply = { kind: 'text' as const, text: templates.render('judge-reply', {}) };
  return RUBRICS.flatMap((rubric): JudgementRequest[] => {
    const { name, template } = rubric;
    if (rubric.scope === 'conversation') {
      return [
        { rubric: name, turn: null, template, parts: [...rubric.parts(conversation, templates), reply] },
      ];
    }
    return rubric.turns(conversation).map((turn) => ({
      rubric: name,
      turn: turn.turn,
      template,
      parts: [...rubric.parts(conversation, turn, templates), reply],
    }));
  });
}

/**
 * Scores one conversation by every rubric. The judgements are independent, so they are all
 * asked at once (the run's cap on calls in flight paces them); the first that fails stops the
 * others, since a conversation's evaluation is written whole or not at all.
 */
export async function judgeConversation(
  context: Omit<JudgeContext, 'systemInstruction'>,
  conversation: JudgedConversation,
  templates: JudgeTemplates,
): Promise<ConversationScores> {
  const stop = new AbortController();
  const signal = context.signal === undefined ? stop.signal : AbortSignal.any([context.signal, stop.signal]);
  const judging = { ...context, signal, systemInstruction: templates.render('judge-system', {}) };
  const requests = judgementRequests(conversation, templates);
  const judgements = await allOrAbort(
    stop,
    requests.map((request) => askJudge(judging, request)),
  );
  return { judgements, scores: rubricScores(judgements) };
}
