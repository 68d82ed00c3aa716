import { DEFAULT_SNIPPET_SETTINGS } from '@tp2dg/audio-snippets';
import { DEFAULT_CONCURRENCY } from '@tp2dg/call-quota';
import { MEDIA_RESOLUTIONS } from '@tp2dg/entities';
import type { Argv } from 'yargs';
import { parseConcurrency } from './concurrency-argument.js';
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
import { parseClipOffset } from './snippet-arguments.js';
import { parseThinkingBudget } from './thinking-budget-argument.js';

/** `tp2dg-eval`'s options: the judge's model as `tp2dg-generate` takes it, and how the run goes. */
export function defineEvalArguments(argv: Argv) {
  return withProviderArguments(argv, 'Judge backend')
    .usage(
      '$0 --input RUN_DIR [options]\n\nScores the conversations of a tp2dg run with LLM judges, one rubric at a time.',
    )
    .option('input', {
      type: 'string',
      demandOption: true,
      describe:
        'The run directory: the --output-dir of tp2dg-generate, or any folder above its session folders',
    })
    .option('model', {
      type: 'string',
      default: DEFAULT_MODEL,
      describe: "The judge's model: a Gemini model id, or any model the provider serves",
    })
    .option('prompts', {
      type: 'string',
      describe: 'Directory of judge-<name>.md templates that override the built-in rubrics',
    })
    .option('prices', {
      type: 'string',
      describe: 'A JSON price file over the built-in list prices, for --max-cost, the progress and --dry-run',
    })
    .option('media-resolution', {
      choices: MEDIA_RESOLUTIONS,
      default: 'low' as const,
      describe: 'How finely Gemini 3+ models read each cover: low, medium or high',
    })
    .option('clip-seconds', {
      type: 'number',
      default: DEFAULT_SNIPPET_SETTINGS.seconds,
      describe: 'Seconds of each audio clip the judge hears, as a 16 kHz mono WAV snippet; 0 sends the files',
    })
    .option('clip-offset', {
      type: 'string',
      default: String(DEFAULT_SNIPPET_SETTINGS.offset),
      describe: 'Where the snippet starts in its clip: start, middle or a number of seconds',
      coerce: parseClipOffset,
    })
    .option('temperature', { type: 'number', describe: "Gemini sampling temperature (default: the model's)" })
    .option('thinking-budget', {
      type: 'string',
      default: 'least',
      coerce: parseThinkingBudget,
      describe:
        "Gemini thinking tokens per call, billed as output: least, model (the model's default) or a number",
    })
    .option('seed', { type: 'number', default: 42, describe: 'Seed sent with every Gemini call' })
    .option('max-resends', {
      type: 'number',
      default: 2,
      describe: 'Resends of a judgement whose reply is not a usable score, apart from Gemini retries',
    })
    .option('timeout', { type: 'number', default: 120, describe: 'Seconds per judge call attempt' })
    .option('max-attempts', {
      type: 'number',
      default: 5,
      describe: 'Attempts per Gemini request (the first included) on 429, 5xx, timeouts and network errors',
    })
    .option('max-cost', {
      type: 'number',
      describe:
        'Budget in USD at list prices: no conversation starts being judged that would pass it (exit code 6)',
    })
    .option('concurrency', {
      type: 'string',
      default: 'auto',
      coerce: parseConcurrency,
      describe: `Conversations judged at the same time, and judge calls in flight among them: auto works it out from --rpm and --tpm (${DEFAULT_CONCURRENCY} without them)`,
    })
    .option('rpm', {
      type: 'number',
      describe: 'Requests per minute allowed for the model, with gemini or openai-compatible (none)',
    })
    .option('tpm', {
      type: 'number',
      describe: 'Input tokens per minute allowed for the model, with gemini or openai-compatible (none)',
    })
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe:
        'Print the calls, tokens and dollars the evaluation would spend, without a call, an upload or a write',
    })
    .option('fresh', {
      type: 'boolean',
      default: false,
      describe:
        'Judge again the conversations another judge or other rubrics scored (their eval.json replaced)',
    })
    .option('progress', progressOption('conversation'))
    .option('verbose', VERBOSE_OPTION)
    .check((args) => {
      assertGivenOnce(args);
      assertWholeNumbers(
        args,
        ['max-resends', 'timeout', 'max-attempts', 'seed', 'rpm', 'tpm'],
        ['max-resends', 'seed'],
      );
      assertNotEmpty(args, ['input', 'provider', 'provider-config', 'model', 'prompts', 'prices']);
      assertClipAndCost(args['clip-seconds'], args['max-cost'] as number | undefined);
      return true;
    })
    .strict();
}

export type EvalArguments = Awaited<ReturnType<typeof defineEvalArguments>['argv']>;
