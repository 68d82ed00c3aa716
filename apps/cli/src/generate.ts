import { Tp2dgError } from '@tp2dg/entities';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import packageJson from '../package.json' with { type: 'json' };
import { EXIT, exitCodeOf } from './exit-codes.js';
import { defineGenerateArguments } from './generate-arguments.js';
import { runGenerateCommand } from './run-generate-command.js';

const abort = new AbortController();
// SIGTERM (a service manager, `kill`) stops the run as Ctrl-C does: finished sessions kept, the lock released.
process.once('SIGINT', () => abort.abort());
process.once('SIGTERM', () => abort.abort());

const parser = defineGenerateArguments(yargs(hideBin(process.argv)).scriptName('tp2dg-generate'))
  .version(packageJson.version)
  .help()
  .fail((message, error) => {
    process.stderr.write(`tp2dg-generate: ${message ?? error?.message} (see tp2dg-generate --help)\n`);
    process.exit(EXIT.usage);
  });
const args = await parser.parseAsync();

try {
  process.exitCode = await runGenerateCommand(args, {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    progress: (text) => process.stderr.write(text),
    stderrIsTerminal: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    signal: abort.signal,
  });
} catch (error) {
  if (args.verbose) console.error(error);
  if (Tp2dgError.isInstance(error)) {
    process.stderr.write(`tp2dg-generate: ${error.message}\n`);
    process.exitCode = exitCodeOf(error.code);
  } else {
    process.stderr.write(
      `tp2dg-generate: unexpected error: ${(error as Error).message ?? error} (run with --verbose for details)\n`,
    );
    process.exitCode = EXIT.failure;
  }
}
