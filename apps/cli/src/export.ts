import { printable, Tp2dgError } from '@tp2dg/entities';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import packageJson from '../package.json' with { type: 'json' };
import { EXIT, exitCodeOf } from './exit-codes.js';
import { defineExportArguments } from './export-arguments.js';
import { runExportCommand } from './run-export-command.js';

/** Every line goes out with corpus strings' control characters escaped (see `printable`). */
const writeLine = (stream: NodeJS.WriteStream, line: string) => stream.write(`${printable(line)}\n`);

const args = await defineExportArguments(yargs(hideBin(process.argv)).scriptName('tp2dg-export'))
  .version(packageJson.version)
  .help()
  .fail((message, error) => {
    writeLine(process.stderr, `tp2dg-export: ${message ?? error?.message} (see tp2dg-export --help)`);
    process.exit(EXIT.usage);
  })
  .parseAsync();

try {
  process.exitCode = await runExportCommand(args, {
    stdout: (line) => writeLine(process.stdout, line),
    stderr: (line) => writeLine(process.stderr, line),
  });
} catch (error) {
  if (args.verbose) console.error(error);
  if (Tp2dgError.isInstance(error)) {
    writeLine(process.stderr, `tp2dg-export: ${error.message}`);
    process.exitCode = exitCodeOf(error.code);
  } else {
    writeLine(
      process.stderr,
      `tp2dg-export: unexpected error: ${(error as Error).message ?? error} (run with --verbose for details)`,
    );
    process.exitCode = EXIT.failure;
  }
}
