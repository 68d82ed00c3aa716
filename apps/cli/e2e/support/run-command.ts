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
}

/** Runs a built bin as a user would, in its own process, and keeps its exit code and output. */
export function runNode(script: string, args: string[], options: RunOptions = {}): Promise<CommandResult> {
  return runProgram('node', [script, ...args], options);
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
