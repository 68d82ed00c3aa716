import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { type CommandIo, runCommandLine } from './command-line.js';

/** A command line whose command does what `act` says with its `--count`. */
function countingLine(act: (count: number) => number) {
  return {
    name: 'tp2dg-test',
    parser: (argv: readonly string[]) =>
      yargs([...argv])
        .option('count', { type: 'number', demandOption: true })
        .option('verbose', { type: 'boolean', default: false })
        .strict(),
    command: async (args: { count: number }, io: CommandIo) => {
      io.stdout(`counted\u001b[2J ${act(args.count)}`);
      return 0;
    },
  };
}

async function run(argv: string[], act: (count: number) => number = (count) => count) {
  const output = { stdout: [] as string[], stderr: [] as string[] };
  const code = await runCommandLine(countingLine(act), argv, {
    stdout: (line) => output.stdout.push(line),
    stderr: (line) => output.stderr.push(line),
    progress: () => {},
    stderrIsTerminal: false,
    env: {},
    cwd: '/',
  });
  return { code, ...output };
}

describe('runCommandLine', () => {
  it('should run the command and escape the control characters of what it prints', async () => {
    expect(await run(['--count', '3'])).toEqual({ code: 0, stdout: ['counted\\u001b[2J 3'], stderr: [] });
  });

  it('should answer a usage error with one line and exit 2, without running the command', async () => {
    const result = await run(['--count', '3', '--bogus'], () => {
      throw new Error('ran');
    });
    expect(result).toEqual({
      code: 2,
      stdout: [],
      stderr: ['tp2dg-test: Unknown argument: bogus (see tp2dg-test --help)'],
    });
  });

  it('should print the help and exit 0 without running the command', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.join('\n')).toContain('--count');
    expect(result.stderr).toEqual([]);
  });

  it("should turn a typed error into one line and its code's exit, anything else into exit 1", async () => {
    const refused = await run(['--count', '1'], () => {
      throw new Tp2dgError('INVALID_INPUT', 'the corpus is wrong');
    });
    expect(refused).toEqual({ code: 3, stdout: [], stderr: ['tp2dg-test: the corpus is wrong'] });
    const crashed = await run(['--count', '1'], () => {
      throw new Error('boom');
    });
    expect(crashed).toEqual({
      code: 1,
      stdout: [],
      stderr: ['tp2dg-test: unexpected error: boom (run with --verbose for details)'],
    });
  });
});
