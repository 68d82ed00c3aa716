import { type EvalFile, RUBRIC_NAMES, summarizeJudgements } from '@tp2dg/entities';
import type { ConversationRecord } from './collect.js';
import { round } from './statistics.js';
import type { JudgeScores } from './summary-types.js';

/**
 * The judges' scores of the conversations evaluated, one entry per judge: scores of different
 * models or rubric templates do not compare, so they are never averaged together.
 */
export function summarizeJudgeScores(conversations: readonly ConversationRecord[]): JudgeScores[] {
  const byJudge = new Map<string, EvalFile[]>();
  for (const { evaluation } of conversations) {
    if (evaluation === null) continue;
    const { provider, model, rubrics_hash } = evaluation.judge;
    const key = JSON.stringify([provider, model, rubrics_hash, evaluation.simulated]);
    byJudge.set(key, [...(byJudge.get(key) ?? []), evaluation]);
  }
  return [...byJudge.values()]
    .map((evaluations) => {
      const [{ judge, simulated }] = evaluations as [EvalFile];
      const summaries = summarizeJudgements(evaluations.flatMap((evaluation) => evaluation.judgements));
      const rubrics = Object.fromEntries(
        RUBRIC_NAMES.map((rubric) => {
          const { mean, count } = summaries[rubric];
          return [rubric, { mean: mean === null ? null : round(mean, 4), count }];
        }),
      ) as JudgeScores['rubrics'];
      return { ...judge, simulated, conversations: evaluations.length, rubrics };
    })
    .sort((left, right) =>
      `${left.provider}/${left.model}`.localeCompare(`${right.provider}/${right.model}`),
    );
}
