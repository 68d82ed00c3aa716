import { hideBin } from 'yargs/helpers';
import { type CommandLine, runCommandLine } from './command-line.js';

/** Writes a line to one of the process's streams. */
const lineTo = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);

/**
 * A bin: runs its command line on the process's arguments, streams and environment. A service
 * manager's stop (SIGTERM) ends the command as Ctrl-C does: what is finished is kept, locks are
 * released. The exit code is set, not forced, so stdout and stderr flush before the process ends.
 */
export async function runBin<Args extends { verbose: boolean }>(
  commandLine: CommandLine<Args>,
): Promise<void> {
  const abort = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort.abort());
  process.exitCode = await runCommandLine(commandLine, hideBin(process.argv), {
    stdout: lineTo(process.stdout),
    stderr: lineTo(process.stderr),
    progress: (text) => process.stderr.write(text),
    stderrIsTerminal: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    signal: abort.signal,
  });
}
