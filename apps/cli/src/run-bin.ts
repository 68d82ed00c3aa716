import { printable, Tp2dgError } from '@tp2dg/entities';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import packageJson from '../package.json' with { type: 'json' };
import { EXIT, exitCodeOf } from './exit-codes.js';
import type { CommandIo } from './run-generate-command.js';

/** Every line goes out with corpus strings' control characters escaped (see `printable`). */
const writeLine = (stream: NodeJS.WriteStream, line: string) => stream.write(`${printable(line)}\n`);

/**
 * What every bin of this package does around its command: parses the arguments (a usage error
 * is one line and exit 2), runs the command on the process's streams, and turns what it throws
 * into one line and its exit code (a stack trace only with `--verbose`). A service manager's
 * stop (SIGTERM) ends the command as Ctrl-C does: what is finished is kept, locks are released.
 */
export async function runBin<Args extends { verbose: boolean }>(
  name: string,
  parser: Argv<Args>,
  command: (args: ArgumentsCamelCase<NoInfer<Args>>, io: CommandIo) => Promise<number>,
): Promise<void> {
  const abort = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort.abort());
  const args = await parser
    .scriptName(name)
    .version(packageJson.version)
    .help()
    .fail((message, error) => {
      writeLine(process.stderr, `${name}: ${message ?? error?.message} (see ${name} --help)`);
      process.exit(EXIT.usage);
    })
    .parseAsync();
  try {
    process.exitCode = await command(args, {
      stdout: (line) => writeLine(process.stdout, line),
      stderr: (line) => writeLine(process.stderr, line),
      progress: (text) => process.stderr.write(text),
      stderrIsTerminal: process.stderr.isTTY === true,
      env: process.env,
      cwd: process.cwd(),
      signal: abort.signal,
    });
  } catch (error) {
    if (args.verbose) console.error(error);
    if (Tp2dgError.isInstance(error)) {
      writeLine(process.stderr, `${name}: ${error.message}`);
      process.exitCode = exitCodeOf(error.code);
    } else {
      writeLine(
        process.stderr,
        `${name}: unexpected error: ${(error as Error).message ?? error} (run with --verbose for details)`,
      );
      process.exitCode = EXIT.failure;
    }
  }
}
