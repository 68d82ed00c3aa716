import { printable, Tp2dgError } from '@tp2dg/entities';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import packageJson from '../package.json' with { type: 'json' };
import { EXIT, exitCodeOf } from './exit-codes.js';
import { defineGenerateArguments } from './generate-arguments.js';
import { runGenerateCommand } from './run-generate-command.js';

const abort = new AbortController();
// A service manager's stop (SIGTERM) ends the run as Ctrl-C does: finished sessions kept, the lock released.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort.abort());
/** Every line goes out with corpus strings' control characters escaped (see `printable`). */
const writeLine = (stream: NodeJS.WriteStream, line: string) => stream.write(`${printable(line)}\n`);

const parser = defineGenerateArguments(yargs(hideBin(process.argv)).scriptName('tp2dg-generate'))
  .version(packageJson.version)
  .help()
  .fail((message, error) => {
    writeLine(process.stderr, `tp2dg-generate: ${message ?? error?.message} (see tp2dg-generate --help)`);
    process.exit(EXIT.usage);
  });
const args = await parser.parseAsync();

try {
  process.exitCode = await runGenerateCommand(args, {
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
    writeLine(process.stderr, `tp2dg-generate: ${error.message}`);
    process.exitCode = exitCodeOf(error.code);
  } else {
    writeLine(
      process.stderr,
      `tp2dg-generate: unexpected error: ${(error as Error).message ?? error} (run with --verbose for details)`,
    );
    process.exitCode = EXIT.failure;
  }
}
