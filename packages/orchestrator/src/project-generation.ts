import { addUsage, type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';
import { generateConversation } from './generate-conversation.js';
import { corpusFolder, isFinished, sessionFolder } from './output-paths.js';
import type { RunGenerationOptions } from './run-types.js';
import { inShard, sessionsInShard } from './shard.js';

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
  | 'maxReasks'
  | 'maxBlockedRetries'
  | 'sessions'
  | 'shard'
>;

/** What a run would call and use, conversation by conversation, as its models estimate it. */
export interface Projection {
  model: string;
  /** Sessions the run would generate. */
  sessions: number;
  /** Selected sessions already generated in the output directory: a run keeps them, at no cost. */
  alreadyGenerated: number;
  skippedByLoader: number;
  calls: number;
  usage: TokenUsage;
}

/**
 * Plays every conversation a run would make, with the models it is given (offline ones that
 * estimate usage) and without writing anything: the `--dry-run` projection. Selects sessions
 * exactly as `runGeneration` does (shard, limit, finished folders kept).
 */
export async function projectGeneration(options: ProjectionOptions): Promise<Projection> {
  const { shard } = options;
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
    calls: 0,
    usage: ZERO_USAGE,
  };
  try {
    for await (const session of sessionsInShard(loader.sessions(), shard)) {
      if (
        options.sessions !== undefined &&
        projection.sessions + projection.alreadyGenerated >= options.sessions
      )
        break;
      const folder = sessionFolder(corpusRoot, session.user.user_id, session.session_id);
      if (isFinished(folder)) {
        projection.alreadyGenerated += 1;
        continue;
      }
      const model = options.models.forSession(session);
      const { calls } = await generateConversation({ ...options, session, model });
      projection.sessions += 1;
      projection.calls += calls.length;
      for (const call of calls) projection.usage = addUsage(projection.usage, call.usage);
    }
  } finally {
    await loader.close?.();
  }
  return { ...projection, skippedByLoader };
}
