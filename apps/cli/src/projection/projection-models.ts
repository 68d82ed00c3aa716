import type { SnippetSettings } from '@tp2dg/audio-snippets';
import type { BillingTier, MediaTokenRates, ModelPort, Session } from '@tp2dg/entities';
import { createUsageEstimator, heardDurationReader, MediaDurations } from '@tp2dg/gemini-adapter/planning';
import type { ModelFactory } from '@tp2dg/orchestrator';

export interface ProjectionModelsOptions {
  /** The model the run would use: its prices and its output folder. */
  model: string;
  /** The simulated model that plays a session's calls: the agents' (a run) or a judge (an evaluation). */
  simulated: (session: Session) => ModelPort;
  /** What an image and a second of audio count on the model at the run's media resolution. */
  media: MediaTokenRates;
  /** Thinking tokens counted for every call. */
  thinkingTokensPerCall: number;
  /** The snippets the run would send in place of audio clips; undefined when it sends the clips. */
  snippets: SnippetSettings | undefined;
  /** The tier the run would send its calls at (`batch` in batch mode): each projected call is priced at it. */
  serviceTier: BillingTier;
  /** Explicit context caching as the run would do it; absent when it makes no explicit cache. */
  explicitCache: { minTokens: number; ttlSeconds: number } | undefined;
}

/**
 * Models for `--dry-run`: the simulated backend plays each conversation (or judges it), so
 * requests are what a real run's are, and each call's usage is what Gemini would bill for that request, as
 * estimated before sending it: audio by what the model would hear, the snippet's seconds read
 * from its clip's header (no decoding, no snippet written). No key, no upload, no call.
 */
export function createProjectionModels(options: ProjectionModelsOptions): ModelFactory {
  const durations = new MediaDurations(heardDurationReader(options.snippets));
  const { media, thinkingTokensPerCall, explicitCache } = options;
  return {
    provider: 'projection',
    model: options.model,
    capabilities: { freeAndDeterministic: false },
    forSession(session) {
      const simulated = options.simulated(session);
      const estimate = createUsageEstimator({
        durations,
        media,
        thinkingTokensPerCall,
        ...(explicitCache === undefined ? {} : { explicitCache }),
      });
      return {
        provider: 'projection',
        model: options.model,
        async generate(request) {
          const result = await simulated.generate(request);
          // A flex call that would fall back to standard cannot be foreseen: all priced at the tier asked.
          return { ...result, usage: await estimate(request, result.text), serviceTier: options.serviceTier };
        },
      };
    },
  };
}
