import { readFile } from 'node:fs/promises';
import {
  type EvalFile,
  EvalFileSchema,
  outputWriteError,
  replaceFile,
  Tp2dgError,
  toJsonText,
  tryParseJson,
} from '@tp2dg/entities';
import { evalFile } from './eval-paths.js';

/** A session folder's `eval.json`; undefined when it has none. */
export async function readEvalFile(sessionFolder: string): Promise<EvalFile | undefined> {
  const file = evalFile(sessionFolder);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw outputWriteError(file, error);
  });
  if (text === undefined) return undefined;
  const parsed = EvalFileSchema.safeParse(tryParseJson(text));
  if (!parsed.success) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${file}: not an eval.json tp2dg can read (${parsed.error.issues[0]?.message}). Pass --fresh to judge the conversations again.`,
    );
  }
  return parsed.data;
}

/**
 * Writes a session folder's `eval.json`, checked against its schema first, beside the folder's
 * files and renamed into place: a reader sees the whole evaluation or none.
 */
export async function writeEvalFile(sessionFolder: string, evaluation: EvalFile): Promise<void> {
  const checked = EvalFileSchema.parse(evaluation);
  await replaceFile(evalFile(sessionFolder), `${toJsonText(checked, 2)}\n`);
}
