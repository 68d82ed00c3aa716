import {
  addUsage,
  STANDARD_MEDIA_TYPES,
  type TokenUsage,
  uncachedUsage,
  unpricedModelError,
  ZERO_USAGE,
} from '@tp2dg/entities';
import { createCallPricer } from './call-pricer.js';
import { generateConversation } from './generate-conversation.js';
import { corpusFolder, isFinished, sessionFolder } from './output-paths.js';
import type { RunGenerationOptions } from './run-types.js';
import { inShard, sessionsInShard } from './shard.js';
import { vetSessions } from './vetting/vet-sessions.js';

export type ProjectionOptions = Pick<
  RunGenerationOptions,
  | 'plugin'
  | 'loaderOptions'
  | 'models'
  | 'prompts'
  | 'catalog'
  | 'outputDir'
  | 'turns'
  | 'seed'
  | 'responseFormat'
  | 'language'
  | 'listenerLyrics'
  | 'maxReasks'
  | 'maxBlockedRetries'
  | 'sessions'
  | 'shard'
  | 'inputLimits'
  | 'mediaTypes'
  | 'prices'
  | 'today'
> & {
  /** Told of what the vetting of sessions warns about (a misnamed media file, a text field cut). */
  onWarning?: (message: string) => void;
};

/** What a run would call and use, conversation by conversation, as its models estimate it. */
export interface Projection {
  model: string;
  /** Sessions the run would generate. */
  sessions: number;
  /** Selected sessions already generated in the output directory: a run keeps them, at no cost. */
  alreadyGenerated: number;
  skippedByLoader: number;
  /** Distinct text fields the run would cut to their caps. */
  textFieldsCut: number;
  calls: number;
  usage: TokenUsage;
  /** USD at list prices, each call priced on its own (its prompt decides its price tier). */
  costUsd: number;
  /** The same if no cache hit came: every cached token billed at the full input price. */
  uncachedCostUsd: number;
}

/**
 * Plays every conversation a run would make, with the models it is given (offline ones that
 * estimate usage) and without writing anything: the `--dry-run` projection. Selects sessions
 * and vets them exactly as `runGeneration` does (shard, limit, finished folders kept, media and
 * text checked).
 */
export async function projectGeneration(options: ProjectionOptions): Promise<Projection> {
  const { shard } = options;
  const priceCall = createCallPricer(options.models, options.prices, options.today);
  if (priceCall === undefined) throw unpricedModelError(options.models.model, '--dry-run');
  let skippedByLoader = 0;
  const loader = await options.plugin.create({
    ...options.loaderOptions,
    onSkip: (skip) => {
      if (inShard(skip.sessionId, shard)) skippedByLoader += 1;
    },
  });
  const corpusRoot = corpusFolder(options.outputDir, options.models.model, loader.corpus);
  const projection: Projection = {
    model: options.models.model,
    sessions: 0,
    alreadyGenerated: 0,
    skippedByLoader: 0,
    textFieldsCut: 0,
    calls: 0,
    usage: ZERO_USAGE,
    costUsd: 0,
    uncachedCostUsd: 0,
  };
  const limit = options.sessions ?? Number.POSITIVE_INFINITY;
  // Vetted as the run vets them, so the projection stops where the run would, and reads no
  // session past the limit: one the run never takes must not fail the projection.
  const sessions = vetSessions(sessionsInShard(loader.sessions(), shard), {
    limits: options.inputLimits,
    mediaTypes: options.mediaTypes ?? STANDARD_MEDIA_TYPES,
    tally: projection,
    onWarning: options.onWarning,
  });
  try {
    if (limit > 0) {
      for await (const session of sessions) {
        const folder = sessionFolder(corpusRoot, session.user.user_id, session.session_id);
        if (isFinished(folder)) {
          projection.alreadyGenerated += 1;
        } else {
          const model = options.models.forSession(session);
          const { calls } = await generateConversation({ ...options, session, model });
          projection.sessions += 1;
          projection.calls += calls.length;
          for (const { usage, service_tier } of calls) {
            projection.usage = addUsage(projection.usage, usage);
            projection.costUsd += priceCall(usage, service_tier);
            projection.uncachedCostUsd += priceCall(uncachedUsage(usage), service_tier);
          }
        }
        if (projection.sessions + projection.alreadyGenerated >= limit) break;
      }
    }
  } finally {
    await loader.close?.();
  }
  return { ...projection, skippedByLoader };
}
