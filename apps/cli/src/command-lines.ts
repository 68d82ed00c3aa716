import yargs from 'yargs';
import type { CommandLine } from './command-line.js';
import { defineEvalArguments } from './eval-arguments.js';
import { defineExportArguments } from './export-arguments.js';
import { defineGenerateArguments } from './generate-arguments.js';
import { runEvalCommand } from './run-eval-command.js';
import { runExportCommand } from './run-export-command.js';
import { runGenerateCommand } from './run-generate-command.js';

export { runCommandLine } from './command-line.js';

/** Checks that a command takes what its parser gives, inferring the arguments from the parser. */
const commandLine = <Args extends { verbose: boolean }>(line: CommandLine<Args>) => line;

/** The commands of this package's bins, each behind its parser: a bin runs one on the process. */
export const generateCommandLine = commandLine({
  name: 'tp2dg-generate',
  parser: (argv: readonly string[]) => defineGenerateArguments(yargs([...argv])),
  command: runGenerateCommand,
});

export const evalCommandLine = commandLine({
  name: 'tp2dg-eval',
  parser: (argv: readonly string[]) => defineEvalArguments(yargs([...argv])),
  command: runEvalCommand,
});

export const exportCommandLine = commandLine({
  name: 'tp2dg-export',
  parser: (argv: readonly string[]) => defineExportArguments(yargs([...argv])),
  command: runExportCommand,
});
