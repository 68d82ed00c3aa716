import { sep } from 'node:path';
import { DEFAULT_OUTPUT_DIR } from '@tp2dg/entities';

/**
 * The command that summarises a run's output, worded for where this CLI runs, so it can be
 * pasted as it is. The rule: a CLI whose file lies inside a `node_modules` folder was
 * installed (npm or pnpm, globally or in a project), and the bin `tp2dg-summary` installed
 * beside it is the command. Anywhere else it runs from a checkout of the repository
 * (`apps/cli/dist`, where pnpm's links lead too); there `tp2dg-summary` is not on the PATH,
 * but the root script `pnpm summary` is, and builds the summary first. `--input` is left out
 * for the default output folder, which the summary reads without it.
 */
export function summaryCommand(outputDir: string, cliFile: string): string {
  const installed = cliFile.split(sep).includes('node_modules');
  const command = installed ? 'tp2dg-summary' : 'pnpm summary';
  return outputDir === DEFAULT_OUTPUT_DIR ? command : `${command} --input ${shellWord(outputDir)}`;
}

/** A path as one word of a POSIX shell command: quoted only when it holds anything a shell reads. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
