import type { RunManifestInput } from '@tp2dg/orchestrator';
import type { ContextCacheMode } from './context-cache-choice.js';
import type { GenerateArguments } from './generate-arguments.js';
import { packageVersions } from './package-versions.js';
import { attemptTimeoutSeconds } from './service-tier-settings.js';

/**
 * What the run manifest records from the command line. The orchestrator adds the settings it
 * knows itself (provider, model, seed, prompts, turns, corpus ...); these are the other options
 * that change what the model answers, so a resume must keep them too.
 */
export function runManifestInput(
  args: GenerateArguments,
  /** The corpus directory and loader options the run reads (`--data` resolved, or its default). */
  loader: { dataDir?: string; sourceOptions: Readonly<Record<string, unknown>> },
  resolved: {
    /** What `--concurrency` resolved to (`auto` works it out from the limits). */
    concurrency: number;
    /** What `--thinking-budget` resolved to for the model; undefined when none is sent. */
    thinkingBudget: number | undefined;
    /** What `--context-cache` resolved to (its default depends on the model). */
    contextCache: ContextCacheMode;
  },
): RunManifestInput {
  const { concurrency, thinkingBudget, contextCache } = resolved;
  return {
    settings: {
      temperature: args.temperature ?? null,
      thinking_budget: thinkingBudget ?? null,
      // How finely the model sees each cover: what it can say about the art.
      media_resolution: args.mediaResolution,
      max_output_tokens: args.maxOutputTokens ?? null,
      // A cut title or lyric is what the model reads; the media caps and --strict only accept
      // or refuse, so they are run options.
      max_text_chars: args.maxTextChars,
      max_lyrics_chars: args.maxLyricsChars,
      // What Gemini hears of each clip; the offset means nothing when clips are sent whole.
      clip_seconds: args.clipSeconds,
      clip_offset: args.clipSeconds === 0 ? null : args.clipOffset,
    },
    runOptions: {
      data: loader.dataDir ?? null,
      // Which sessions the loader yields may change between starts (a wider date range);
      // a session that changed is caught by its own check.
      source_options: loader.sourceOptions,
      sessions: args.sessions ?? null,
      shard: args.shard === undefined ? null : `${args.shard.index}/${args.shard.count}`,
      concurrency,
      concurrency_option: args.concurrency,
      rpm: args.rpm ?? null,
      tpm: args.tpm ?? null,
      max_cost: args.maxCost ?? null,
      prices: args.prices ?? null,
      // The tier changes what a call costs and how long it takes, never what the model
      // answers: a resume may switch to flex (or back) and keep the conversations made so far.
      service_tier: args.serviceTier,
      // So does batch mode: the same requests, sent in rounds of jobs at the batch price.
      mode: args.mode,
      batch_settle: args.batchSettle ?? null,
      batch_poll: args.batchPoll ?? null,
      flex_fallback: args.flexFallback,
      // A cache changes what a call costs, never what the model reads: a resume may switch it.
      context_cache: contextCache,
      timeout: attemptTimeoutSeconds(args),
      max_attempts: args.maxAttempts,
      // Resending a blocked request changes no conversation that is written, only how many are.
      max_blocked_retries: args.maxBlockedRetries,
      max_consecutive_failures: args.maxConsecutiveFailures,
      prompts: args.prompts ?? null,
      max_audio_mb: args.maxAudioMb,
      max_image_mb: args.maxImageMb,
      strict: args.strict,
    },
    versions: packageVersions(),
  };
}
