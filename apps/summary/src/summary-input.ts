import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OUTPUT_DIR, Tp2dgError } from '@tp2dg/entities';

/**
 * The folder to summarise: `--input`, or else the generator's default output folder in the
 * working directory, so `tp2dg-summary` right after `tp2dg-generate` (both without options)
 * reports that run. Without either there is nothing to guess: one line says what to pass.
 */
export function summaryInput(input: string | undefined, cwd: string): string {
  if (input !== undefined) return input;
  const generated = join(cwd, DEFAULT_OUTPUT_DIR);
  if (statSync(generated, { throwIfNoEntry: false })?.isDirectory()) return generated;
  throw new Tp2dgError(
    'INVALID_ARGUMENT',
    `no --input given and no ${DEFAULT_OUTPUT_DIR} folder (where tp2dg-generate writes by default) in ${cwd}: pass --input DIR, the --output-dir of tp2dg-generate.`,
  );
}
