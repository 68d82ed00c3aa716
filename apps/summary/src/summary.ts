import { hideBin } from 'yargs/helpers';
import { runSummaryCommandLine } from './summary-command-line.js';

// exitCode, not exit(): lets stdout and stderr flush before the process ends.
process.exitCode = await runSummaryCommandLine(hideBin(process.argv), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
