import { addUsage, type TokenUsage, uncachedUsage, unpricedModelError, ZERO_USAGE } from '@tp2dg/entities';
import { createCallPricer } from '@tp2dg/orchestrator';
import { corpusDirectoryOf } from './corpus-directories.js';
import { findEvalFiles, readEvalInput, sessionOf } from './eval-input.js';
import type { RunEvaluationOptions } from './eval-types.js';
import { judgeConversation } from './judge-conversation.js';
import { readJudgedConversation } from './judged-conversation.js';

export type ProjectEvaluationOptions = Pick<
  RunEvaluationOptions,
  'input' | 'models' | 'templates' | 'maxAttempts' | 'prices' | 'today' | 'fresh'
>;

/** What a run would call and use, as its models estimate it. */
export interface EvalProjection {
  model: string;
  /** Conversations the run would judge. */
  conversations: number;
  /** Conversations this judge already scored by these rubrics: a run keeps them, at no cost. */
  alreadyEvaluated: number;
  calls: number;
  usage: TokenUsage;
  /** USD at list prices, each call priced on its own. */
  costUsd: number;
  /** The same if no cache hit came: every cached token billed at the full input price. */
  uncachedCostUsd: number;
}

/**
 * Asks every judgement a run would ask, of the models it is given (offline ones that estimate
 * usage), and writes nothing: the `--dry-run` projection. Finds and refuses what a run would.
 */
export async function projectEvaluation(options: ProjectEvaluationOptions): Promise<EvalProjection> {
  const priceCall = createCallPricer(options.models, options.prices, options.today);
  if (priceCall === undefined) throw unpricedModelError(options.models.model, '--dry-run');
  const files = await findEvalFiles(options.input);
  const input = await readEvalInput(files, options.models, options.templates, options.fresh ?? false);
  const projection: EvalProjection = {
    model: options.models.model,
    conversations: 0,
    alreadyEvaluated: input.plan.done.length,
    calls: 0,
    usage: ZERO_USAGE,
    costUsd: 0,
    uncachedCostUsd: 0,
  };
  for (const folder of input.plan.pending) {
    const conversation = await readJudgedConversation(
      folder,
      corpusDirectoryOf(folder, input.corpusDirectories),
    );
    const context = {
      sessionId: conversation.session.session_id,
      model: options.models.forSession(sessionOf(conversation)),
      maxAttempts: options.maxAttempts,
      onCall: (usage: TokenUsage) => {
        projection.calls += 1;
        projection.usage = addUsage(projection.usage, usage);
        projection.costUsd += priceCall(usage);
        projection.uncachedCostUsd += priceCall(uncachedUsage(usage));
      },
    };
    await judgeConversation(context, conversation, options.templates);
    projection.conversations += 1;
  }
  return projection;
}
