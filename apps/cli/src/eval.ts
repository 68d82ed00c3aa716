import { printable, Tp2dgError } from '@tp2dg/entities';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import packageJson from '../package.json' with { type: 'json' };
import { defineEvalArguments } from './eval-arguments.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { runEvalCommand } from './run-eval-command.js';

const abort = new AbortController();
// A service manager's stop (SIGTERM) ends the run as Ctrl-C does: finished evaluations kept.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort.abort());
/** Every line goes out with corpus strings' control characters escaped (see `printable`). */
const writeLine = (stream: NodeJS.WriteStream, line: string) => stream.write(`${printable(line)}\n`);

const args = await defineEvalArguments(yargs(hideBin(process.argv)).scriptName('tp2dg-eval'))
  .version(packageJson.version)
  .help()
  .fail((message, error) => {
    writeLine(process.stderr, `tp2dg-eval: ${message ?? error?.message} (see tp2dg-eval --help)`);
    process.exit(EXIT.usage);
  })
  .parseAsync();

try {
  process.exitCode = await runEvalCommand(args, {
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
    writeLine(process.stderr, `tp2dg-eval: ${error.message}`);
    process.exitCode = exitCodeOf(error.code);
  } else {
    writeLine(
      process.stderr,
      `tp2dg-eval: unexpected error: ${(error as Error).message ?? error} (run with --verbose for details)`,
    );
    process.exitCode = EXIT.failure;
  }
}
