import type { Argv } from 'yargs';
import { parseMinScores } from './min-score-argument.js';

/** `tp2dg-export`'s options. */
export function defineExportArguments<T>(parser: Argv<T>) {
  return parser
    .usage(
      '$0 --input DIR --out DATASET_DIR [options]\n\nExports a tp2dg run as a Hugging Face dataset (TalkPlayData 2 schema).',
    )
    .option('input', {
      type: 'string',
      demandOption: true,
      describe:
        'The run directory: the --output-dir of tp2dg-generate, or any folder above its session folders',
    })
    .option('out', {
      type: 'string',
      demandOption: true,
      describe: 'The dataset folder to write (README.md card and data/)',
    })
    .option('format', {
      choices: ['parquet', 'jsonl'] as const,
      default: 'parquet' as const,
      describe: 'Data file format',
    })
    .option('split-by', {
      choices: ['user', 'date'] as const,
      default: 'user' as const,
      describe:
        'user: users drawn at random (seeded) into train_warm, test_warm, test_cold; date: the latest conversations by session_date are test',
    })
    .option('test-ratio', {
      type: 'number',
      default: 0.1,
      describe: 'Share of warm test users (by user) or of test conversations (by date)',
    })
    .option('cold-ratio', {
      type: 'number',
      default: 0.05,
      describe: 'Share of cold test users, all of whose conversations are test (by user)',
    })
    .option('seed', { type: 'number', default: 42, describe: 'Seed of the user split' })
    .option('allow-simulated', {
      type: 'boolean',
      default: false,
      describe:
        'Export conversations of the offline simulated backend too (marked in every row and the card)',
    })
    .option('allow-mixed', {
      type: 'boolean',
      default: false,
      describe: 'Export a run mixing models, prompt sets or turn counts',
    })
    .option('min-score', {
      type: 'string',
      array: true,
      coerce: parseMinScores,
      describe:
        "Export only conversations whose judges' score by RUBRIC (its mean in eval.json of tp2dg-eval) is at least N, as RUBRIC=N (repeatable)",
    })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'Replace a non-empty --out that tp2dg-export did not write',
    })
    .option('verbose', {
      type: 'boolean',
      default: false,
      describe: 'Print the stack of an unexpected error',
    })
    .strict();
}
