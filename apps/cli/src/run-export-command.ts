import { resolve } from 'node:path';
import { exportDataset, type MinScores, SPLITS } from '@tp2dg/dataset';
import { GEMINI_PRICE_TABLE } from '@tp2dg/gemini-adapter/planning';
import type { CommandIo } from './command-line.js';
import { EXIT } from './exit-codes.js';

export interface ExportArgs {
  input: string;
  out: string;
  format: 'parquet' | 'jsonl';
  splitBy: 'user' | 'date';
  testRatio: number;
  coldRatio: number;
  seed: number;
  allowSimulated: boolean;
  allowMixed: boolean;
  force: boolean;
  minScore: MinScores | undefined;
}

/** `tp2dg-export`: the result on stdout, what was left out on stderr; returns the exit code. */
export async function runExportCommand(
  args: ExportArgs,
  io: Pick<CommandIo, 'stdout' | 'stderr' | 'cwd'>,
): Promise<number> {
  const out = resolve(io.cwd, args.out);
  const result = await exportDataset({
    input: resolve(io.cwd, args.input),
    out,
    format: args.format,
    split: { by: args.splitBy, testRatio: args.testRatio, coldRatio: args.coldRatio, seed: args.seed },
    allowSimulated: args.allowSimulated,
    allowMixed: args.allowMixed,
    force: args.force,
    minScores: args.minScore,
    prices: GEMINI_PRICE_TABLE,
  });
  const { rows } = result.stats;
  const counts = SPLITS.map((split) => `${split} ${rows.conversations[split] ?? 0}`).join(', ');
  io.stdout(`Wrote the dataset to ${out}: conversations ${counts} (card: ${resolve(out, 'README.md')}).`);
  const { short, failed, simulated, duplicate } = result.leftOut;
  io.stdout(`Left out: ${short} short, ${failed} failed, ${simulated} simulated, ${duplicate} duplicate.`);
  if (args.minScore !== undefined) {
    const { belowMinScore, unevaluated } = result.leftOut;
    io.stdout(`Left out by --min-score: ${belowMinScore} below it, ${unevaluated} not evaluated.`);
  }
  if (result.simulatedKept > 0) {
    io.stderr(
      `Warning: ${result.simulatedKept} exported conversation(s) are simulated (NOT LLM output); the card and conversations_extra.simulated say so.`,
    );
  }
  return EXIT.ok;
}
