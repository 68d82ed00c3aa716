import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dummyCorpusDir } from '@tp2dg/data-dummy';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const GENERATE = join(REPO_ROOT, 'apps/cli/dist/generate.js');
export const SUMMARY = join(REPO_ROOT, 'apps/summary/dist/summary.js');
export const EXPORT = join(REPO_ROOT, 'apps/cli/dist/export.js');
export const EVAL = join(REPO_ROOT, 'apps/cli/dist/eval.js');
/** The bundled corpus, as the CLI reads it when `--data` is not given. */
export const DUMMY = dummyCorpusDir;

/** The environment without any key or base URL of the user's: nothing can reach a real service. */
export const OFFLINE_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !/^(GEMINI_API_KEY|GOOGLE_API_KEY|GOOGLE_GEMINI_BASE_URL|OPENAI_API_KEY|OPENAI_BASE_URL)$/.test(name),
  ),
);

/** The offline environment pointed at a local Gemini emulator, with a (fake) key it accepts. */
export function emulatorEnv(emulator: { baseUrl: string }, apiKey: string): NodeJS.ProcessEnv {
  return { ...OFFLINE_ENV, GEMINI_API_KEY: apiKey, GOOGLE_GEMINI_BASE_URL: emulator.baseUrl };
}

/** `tp2dg-generate` arguments for the bundled corpus through Gemini (the emulator) into `output`. */
export function geminiRunArgs(output: string, ...more: string[]): string[] {
  return ['--provider', 'gemini', '--data', DUMMY, '--output-dir', output, ...more];
}

/** `tp2dg-generate` arguments for a corpus through the simulated backend into `output`. */
export function simulatedRunArgs(data: string, output: string, ...more: string[]): string[] {
  return ['--provider', 'simulated', '--data', data, '--output-dir', output, ...more];
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Runs a bin in its own process (see `runNode`). */
  separateProcess?: boolean;
}

/**
 * Runs a built bin on `args` as a user would, and keeps its exit code and output. The CLIs run in
 * this process, through the same command line their bins run (a bin only adds the process's
 * arguments, streams and signals): starting a process per run would take most of these tests'
 * time. A test of what only a process shows (signals, a kill, a lock held by another process)
 * passes `separateProcess`; any other script runs in its own process.
 */
export async function runNode(
  script: string,
  args: string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const inProcess = options.separateProcess === true ? undefined : await inProcessCommand(script);
  if (inProcess === undefined) return runProgram('node', [script, ...args], options);
  const output = { stdout: '', stderr: '' };
  const code = await inProcess(args, {
    output,
    env: options.env ?? OFFLINE_ENV,
    cwd: options.cwd ?? REPO_ROOT,
  });
  return { code, ...output };
}

/** A bin's command run in this process, writing what the process would print into `output`. */
type InProcessCommand = (
  args: string[],
  run: { output: { stdout: string; stderr: string }; env: NodeJS.ProcessEnv; cwd: string },
) => Promise<number>;

/** The command line a built bin runs, loaded from the same build; undefined for another script. */
async function inProcessCommand(script: string): Promise<InProcessCommand | undefined> {
  if (script === SUMMARY) {
    const { runSummaryCommandLine } = await import(
      join(REPO_ROOT, 'apps/summary/dist/summary-command-line.js')
    );
    return (args, { output, cwd }) =>
      runSummaryCommandLine(args, {
        stdout: (text: string) => {
          output.stdout += text;
        },
        stderr: (text: string) => {
          output.stderr += text;
        },
        cwd,
      });
  }
  const commandLines = await import(join(REPO_ROOT, 'apps/cli/dist/command-lines.js'));
  const commandLine = {
    [GENERATE]: commandLines.generateCommandLine,
    [EVAL]: commandLines.evalCommandLine,
    [EXPORT]: commandLines.exportCommandLine,
  }[script];
  if (commandLine === undefined) return undefined;
  return (args, { output, env, cwd }) =>
    commandLines.runCommandLine(commandLine, args, {
      stdout: (line: string) => {
        output.stdout += `${line}\n`;
      },
      stderr: (line: string) => {
        output.stderr += `${line}\n`;
      },
      progress: (text: string) => {
        output.stderr += text;
      },
      stderrIsTerminal: false,
      env,
      cwd,
    });
}

/** Runs a program from the PATH (pnpm, say) in the repository, and keeps its exit code and output. */
export async function runProgram(
  program: string,
  args: string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(program, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? OFFLINE_ENV,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CommandResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export function temporaryDirectory(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `tp2dg-cli-${prefix}-`));
}
