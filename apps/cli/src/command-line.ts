import { printable, Tp2dgError } from '@tp2dg/entities';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import packageJson from '../package.json' with { type: 'json' };
import { EXIT, exitCodeOf } from './exit-codes.js';

/** Where a command reads and writes: the process's streams for a bin, buffers in a test. */
export interface CommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Raw stderr, for progress that rewrites its line on a terminal. */
  progress: (text: string) => void;
  stderrIsTerminal: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal?: AbortSignal;
}

/** One of this package's commands, behind its argument parser. */
export interface CommandLine<Args extends { verbose: boolean }> {
  name: string;
  /** The parser of `argv`, with the command's options; `runCommandLine` adds help and version. */
  parser: (argv: readonly string[]) => Argv<Args>;
  /** `argv` is the arguments as typed: a flag at its default and one left out parse the same. */
  command: (
    args: ArgumentsCamelCase<NoInfer<Args>>,
    io: CommandIo,
    argv: readonly string[],
  ) => Promise<number>;
}

/**
 * What every bin of this package does around its command, without touching the process, so it
 * runs the same in a bin and in a test: parses the arguments (a usage error is one line and
 * exit 2; `--help` and `--version` print and exit 0), runs the command, and turns what it throws
 * into one line and its exit code (a stack trace only with `--verbose`). Returns the exit code.
 * Lines are written with corpus strings' control characters escaped (see `printable`).
 */
export async function runCommandLine<Args extends { verbose: boolean }>(
  { name, parser, command }: CommandLine<Args>,
  argv: readonly string[],
  io: CommandIo,
): Promise<number> {
  const stdout = (line: string) => io.stdout(printable(line));
  const stderr = (line: string) => io.stderr(printable(line));
  // A parse callback keeps yargs from printing and from exiting: what it would print comes back.
  const parsed = await new Promise<{
    error: Error | undefined | null;
    args: ArgumentsCamelCase<Args>;
    output: string;
  }>((resolve) => {
    parser(argv)
      .scriptName(name)
      .version(packageJson.version)
      .help()
      .parse([...argv], {}, (error, args, output) => resolve({ error, args, output }));
  });
  if (parsed.error) {
    stderr(`${name}: ${parsed.error.message} (see ${name} --help)`);
    return EXIT.usage;
  }
  if (parsed.output !== '') {
    // --help or --version: yargs answered instead of the command.
    io.stdout(parsed.output);
    return EXIT.ok;
  }
  try {
    return await command(parsed.args, { ...io, stdout, stderr }, argv);
  } catch (error) {
    if (parsed.args.verbose) io.stderr(String((error as Error).stack ?? error));
    if (Tp2dgError.isInstance(error)) {
      stderr(`${name}: ${error.message}`);
      return exitCodeOf(error.code);
    }
    stderr(
      `${name}: unexpected error: ${(error as Error).message ?? error} (run with --verbose for details)`,
    );
    return EXIT.failure;
  }
}
