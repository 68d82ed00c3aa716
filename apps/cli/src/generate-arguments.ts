import { DEFAULT_LANGUAGE } from '@tp2dg/agents';
import { DEFAULT_SNIPPET_SETTINGS } from '@tp2dg/audio-snippets';
import { DEFAULT_CONCURRENCY } from '@tp2dg/call-quota';
import { DEFAULT_POOL_CAP } from '@tp2dg/data-loaders';
import { DEFAULT_OUTPUT_DIR, MEDIA_RESOLUTIONS, ServiceTierSchema } from '@tp2dg/entities';
import {
  DEFAULT_BATCH_MAX_REQUESTS,
  DEFAULT_BATCH_POLL_MS,
  DEFAULT_BATCH_SETTLE_MS,
  DEFAULT_FLEX_MAX_ATTEMPTS,
  MAX_BATCH_POLL_MS,
} from '@tp2dg/gemini-adapter/planning';
import { DEFAULT_INPUT_LIMITS, MEGABYTE } from '@tp2dg/orchestrator';
import type { Argv } from 'yargs';
import { parseConcurrency } from './concurrency-argument.js';
import { CONTEXT_CACHE_MODES } from './context-cache-choice.js';
import { DEFAULT_MODEL } from './model-choice.js';
import {
  assertClipAndCost,
  assertGivenOnce,
  assertNotEmpty,
  assertWholeNumbers,
  progressOption,
  VERBOSE_OPTION,
} from './option-checks.js';
import { withProviderArguments } from './provider-arguments.js';
import { parseShard } from './shard-argument.js';
import { parseClipOffset } from './snippet-arguments.js';
import { parseThinkingBudget } from './thinking-budget-argument.js';

/** The options of `tp2dg-generate`; defaults follow the paper (8 turns) on a current model. */
export function defineGenerateArguments(argv: Argv) {
  return withProviderArguments(argv, 'Model backend')
    .usage(
      '$0 [options]\n\nGenerates Listener/Recsys conversations from a corpus with the TalkPlayData 2 method.',
    )
    .option('source', {
      type: 'string',
      default: 'reference',
      describe: 'Data loader: a registered name, a package or a module path',
    })
    .option('source-option', {
      type: 'string',
      array: true,
      describe: "An option of the data loader as key=value (repeatable; see the loader's README)",
    })
    .option('source-config', {
      type: 'string',
      describe: 'A JSON file of data loader options; --source-option values override it',
    })
    .option('data', {
      type: 'string',
      describe:
        'Corpus directory; media paths resolve inside it (default with --source reference: the bundled demo corpus, @tp2dg/data-dummy)',
    })
    .option('model', {
      type: 'string',
      default: DEFAULT_MODEL,
      describe: 'Gemini model id, or any model name the OpenAI-compatible server serves',
    })
    .option('media-resolution', {
      choices: MEDIA_RESOLUTIONS,
      default: 'low' as const,
      describe:
        'How finely Gemini 3+ models read each cover: low, medium or high (280, 560 or 1,120 tokens an image)',
    })
    .option('mode', {
      choices: ['online', 'batch'] as const,
      default: 'online' as const,
      describe:
        'online sends each Gemini call when it is ready; batch sends the ready calls of all conversations as one Batch API job a round, at the batch discount, each job answered within 24 h',
    })
    .option('batch-settle', {
      type: 'number',
      describe: `Seconds a batch round waits for more calls after the last one came (default ${DEFAULT_BATCH_SETTLE_MS / 1000}); --mode batch only`,
    })
    .option('batch-poll', {
      type: 'number',
      describe: `Seconds before a batch job's first poll (default ${DEFAULT_BATCH_POLL_MS / 1000}), each later wait half as long again, up to ${MAX_BATCH_POLL_MS / 1000}; --mode batch only`,
    })
    .option('service-tier', {
      choices: ServiceTierSchema.options,
      default: 'standard' as const,
      describe:
        'Gemini service tier of every call: flex costs half and may be slow or shed (retried), priority is priced as standard',
    })
    .option('flex-fallback', {
      type: 'number',
      default: 0,
      describe: 'Resend a flex call at standard after this many sheds (429 or 503) of that call; 0 never',
    })
    .option('context-cache', {
      choices: CONTEXT_CACHE_MODES,
      describe:
        "Explicit Gemini context caches of each chat's pool or liked tracks: explicit (the default where the model offers them), implicit or off (no explicit cache; the service's implicit caching applies either way)",
    })
    .option('prices', {
      type: 'string',
      describe: 'A JSON price file over the built-in list prices, for --max-cost, the progress and --dry-run',
    })
    .option('turns', {
      type: 'number',
      default: 8,
      describe: 'Recommendation turns per conversation; sessions whose pool is smaller are skipped',
    })
    .option('language', {
      type: 'string',
      default: DEFAULT_LANGUAGE,
      describe: 'Language the Listener, the Recsys and the goal examples write in',
    })
    .option('listener-lyrics', {
      type: 'boolean',
      default: false,
      describe:
        "Give the Listener each recommendation's lyrics excerpt too, when the corpus has one (an extension of the paper's method)",
    })
    .option('sessions', {
      type: 'number',
      describe: 'How many sessions to take from the corpus (default: all)',
    })
    .option('seed', {
      type: 'number',
      default: 42,
      describe: 'Seed for goal sampling and the simulated model',
    })
    .option('output-dir', {
      type: 'string',
      default: DEFAULT_OUTPUT_DIR,
      describe: 'Where the reference layout is written',
    })
    .option('prompts', {
      type: 'string',
      describe: 'Directory of <name>.md templates that override the built-in ones',
    })
    .option('response-format', {
      choices: ['yaml', 'json'] as const,
      default: 'yaml' as const,
      describe: 'Reply format asked of the model; json also sends a schema',
    })
    .option('profile-size', {
      type: 'number',
      default: 5,
      describe: 'Profiling ("previously liked") tracks per session',
    })
    .option('pool-size', {
      type: 'number',
      describe: `Cap on the recommendation pool (default: the rest of the session, at most ${DEFAULT_POOL_CAP}); at least --turns`,
    })
    .option('max-reasks', { type: 'number', default: 2, describe: 'Re-asks after an unusable reply' })
    .option('max-blocked-retries', {
      type: 'number',
      default: 2,
      describe: 'Resends of a blocked prompt or reply per agent turn, apart from the re-asks',
    })
    .option('keep-short', {
      type: 'boolean',
      default: false,
      describe:
        'Save a conversation that cannot reach its turn count with its complete turns (labelled), instead of failing it',
    })
    .option('timeout', {
      type: 'number',
      describe: 'Seconds per model call attempt (default 120, 900 with --service-tier flex)',
    })
    .option('max-attempts', {
      type: 'number',
      default: 5,
      describe: `Attempts per Gemini call (the first included) on 429, 5xx, timeouts and network errors; at least ${DEFAULT_FLEX_MAX_ATTEMPTS} for a flex call`,
    })
    .option('temperature', { type: 'number', describe: "Gemini sampling temperature (default: the model's)" })
    .option('thinking-budget', {
      type: 'string',
      default: 'least',
      coerce: parseThinkingBudget,
      describe:
        "Gemini thinking tokens per call, billed as output: least (the model's smallest budget where the price table knows it, else none sent), model (none sent: the model's own default) or a number",
    })
    .option('max-output-tokens', { type: 'number', describe: 'Cap on Gemini output tokens per call' })
    .option('cleanup-uploads', {
      type: 'boolean',
      default: false,
      describe: 'Delete the files this run uploaded to Gemini when it ends (later runs then upload again)',
    })
    .option('max-cost', {
      type: 'number',
      describe: 'Budget in USD at list prices: no conversation starts that would pass it (exit code 6)',
    })
    .option('shard', {
      type: 'string',
      describe: 'Only part i of n of the sessions (i/n, e.g. 2/4), to split a corpus across machines',
      coerce: parseShard,
    })
    .option('concurrency', {
      type: 'string',
      default: 'auto',
      coerce: parseConcurrency,
      describe: `Sessions generated at the same time, and model calls in flight among them: auto works it out from --rpm and --tpm (${DEFAULT_CONCURRENCY} without them; ${DEFAULT_BATCH_MAX_REQUESTS} with --mode batch)`,
    })
    .option('rpm', {
      type: 'number',
      describe: 'Requests per minute allowed for the model, with gemini or openai-compatible (none)',
    })
    .option('tpm', {
      type: 'number',
      describe: 'Input tokens per minute allowed for the model, with gemini or openai-compatible (none)',
    })
    .option('max-consecutive-failures', {
      type: 'number',
      default: 3,
      describe: 'Stop the run after this many failed sessions in a row',
    })
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe:
        'Print the calls, tokens by modality and dollars the command would spend, without a call, an upload or a write',
    })
    .option('clip-seconds', {
      type: 'number',
      default: DEFAULT_SNIPPET_SETTINGS.seconds,
      describe:
        'Seconds of each audio clip Gemini hears, as a 16 kHz mono WAV snippet; 0 sends the files as they are',
    })
    .option('clip-offset', {
      type: 'string',
      default: String(DEFAULT_SNIPPET_SETTINGS.offset),
      describe: 'Where the snippet starts in its clip: start, middle or a number of seconds',
      coerce: parseClipOffset,
    })
    .option('max-audio-mb', {
      type: 'number',
      default: DEFAULT_INPUT_LIMITS.maxAudioBytes / MEGABYTE,
      describe: 'Largest audio clip taken, in MB (2^20 bytes); a larger one stops the run (exit 3)',
    })
    .option('max-image-mb', {
      type: 'number',
      default: DEFAULT_INPUT_LIMITS.maxImageBytes / MEGABYTE,
      describe: 'Largest cover image taken, in MB (2^20 bytes); a larger one stops the run (exit 3)',
    })
    .option('max-text-chars', {
      type: 'number',
      default: DEFAULT_INPUT_LIMITS.maxTextChars,
      describe: 'Longest text field of a track or user (title, artist, tag ...); longer ones are cut',
    })
    .option('max-lyrics-chars', {
      type: 'number',
      default: DEFAULT_INPUT_LIMITS.maxLyricsChars,
      describe: 'Longest lyrics of a track; longer ones are cut',
    })
    .option('strict', {
      type: 'boolean',
      default: DEFAULT_INPUT_LIMITS.strict,
      describe:
        'Stop (exit 3) on text over its cap and on media whose name says another type than its content, instead of cutting it or sending it as its real type',
    })
    .option('fresh', {
      type: 'boolean',
      default: false,
      describe:
        "Start over: delete what earlier runs left in the run directory (only this shard's part with --shard)",
    })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'Resume even when a setting changed since the run began, mixing conversations made both ways',
    })
    .option('progress', progressOption('session'))
    .option('verbose', VERBOSE_OPTION)
    .check((args) => {
      assertGivenOnce(args);
      assertWholeNumbers(
        args,
        [
          'turns',
          'profile-size',
          'max-reasks',
          'max-blocked-retries',
          'timeout',
          'max-attempts',
          'max-output-tokens',
          'max-consecutive-failures',
          'flex-fallback',
          'sessions',
          'pool-size',
          'seed',
          'rpm',
          'tpm',
          'max-text-chars',
          'max-lyrics-chars',
        ],
        ['max-reasks', 'max-blocked-retries', 'seed', 'flex-fallback'],
      );
      assertNotEmpty(args, [
        'source',
        'source-config',
        'provider',
        'provider-config',
        'data',
        'model',
        'output-dir',
        'prompts',
        'prices',
        'language',
      ]);
      // No track is recommended twice: a pool capped below the turn count could make no conversation whole.
      const poolSize = args['pool-size'] as number | undefined;
      if (poolSize !== undefined && poolSize < args.turns) {
        throw new Error(
          `--pool-size ${poolSize} is below --turns ${args.turns}: no session could make ${args.turns} turns; raise --pool-size or lower --turns`,
        );
      }
      // Only a flex call can be shed: a fallback asked of another tier would silently do nothing.
      if (args['flex-fallback'] > 0 && args['service-tier'] !== 'flex') {
        throw new Error('--flex-fallback applies to --service-tier flex only');
      }
      checkModeOptions(args);
      assertClipAndCost(args['clip-seconds'], args['max-cost'] as number | undefined);
      for (const name of ['max-audio-mb', 'max-image-mb'] as const) {
        const value = args[name];
        if (!(value > 0 && Number.isFinite(value))) {
          throw new Error(`--${name} must be a positive number of megabytes (got ${value})`);
        }
      }
      return true;
    })
    .strict();
}

/**
 * Batch jobs have their own price and limits: a service tier or a per-minute pace asked of a
 * batch run would silently do nothing, and so would the batch options of an online run.
 */
function checkModeOptions(args: Record<string, unknown>): void {
  const settle = args['batch-settle'] as number | undefined;
  const poll = args['batch-poll'] as number | undefined;
  if (settle !== undefined && !(settle >= 0 && Number.isFinite(settle))) {
    throw new Error(`--batch-settle must be a number of seconds of at least 0 (got ${settle})`);
  }
  if (poll !== undefined && !(poll > 0 && Number.isFinite(poll))) {
    throw new Error(`--batch-poll must be a positive number of seconds (got ${poll})`);
  }
  if (args.mode !== 'batch') {
    for (const name of ['batch-settle', 'batch-poll']) {
      if (args[name] !== undefined) throw new Error(`--${name} applies to --mode batch only`);
    }
    return;
  }
  if (args['service-tier'] !== 'standard') {
    throw new Error(
      `--service-tier ${args['service-tier']} does not apply to --mode batch: batch jobs have their own price (the price table's batch discount)`,
    );
  }
  for (const name of ['rpm', 'tpm']) {
    if (args[name] !== undefined) {
      throw new Error(
        `--${name} does not apply to --mode batch: batch jobs are not paced per minute (the service limits the jobs and tokens a project has queued instead)`,
      );
    }
  }
}

export type GenerateArguments = Awaited<ReturnType<typeof defineGenerateArguments>['argv']>;
