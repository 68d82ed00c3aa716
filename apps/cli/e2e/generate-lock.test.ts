import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  createCooperativeResponder,
  type GeminiEmulator,
  startGeminiEmulator,
} from '@tp2dg/gemini-adapter/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import {
  DUMMY,
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  type RunOptions,
  runNode,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';

const API_KEY = 'AIza-lock-test-key-0000';
const RUN_TIMEOUT_MS = 30_000;
const folders: string[] = [];
const emulators: GeminiEmulator[] = [];
/** Lets every call held back by a gated emulator through, so it can close. */
let openGates = () => {};

afterEach(async () => {
  openGates();
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Each run in a process of its own, as a user's: the lock names its holder by process id. */
const runGenerate = (args: string[], options: RunOptions = {}) =>
  runNode(GENERATE, args, { ...options, separateProcess: true });

async function outputFolder(): Promise<string> {
  const folder = await temporaryDirectory('lock');
  folders.push(folder);
  return folder;
}

/**
 * An emulator that holds every call until `open()`; `reached` settles at the first call,
 * when the run that made it holds its lock.
 */
async function gatedEmulator() {
  const responder = createCooperativeResponder();
  let reachedFirstCall = () => {};
  const reached = new Promise<void>((resolve) => {
    reachedFirstCall = resolve;
  });
  const gate = new Promise<void>((resolve) => {
    openGates = resolve;
  });
  const emulator = await startGeminiEmulator({
    apiKey: API_KEY,
    respond: async (request) => {
      reachedFirstCall();
      await gate;
      return responder.respond(request);
    },
  });
  emulators.push(emulator);
  return { emulator, reached, open: () => openGates() };
}

async function plainEmulator(): Promise<GeminiEmulator> {
  const responder = createCooperativeResponder();
  const emulator = await startGeminiEmulator({ apiKey: API_KEY, respond: responder.respond });
  emulators.push(emulator);
  return emulator;
}

const holderOf = async (lock: string) => JSON.parse(await readFile(join(lock, 'holder.json'), 'utf8'));

/** What the emulator served and billed, less what only its own bookkeeping counts. */
function billed(emulator: GeminiEmulator) {
  const { generateRequests, countTokens, uploadStarts, uploads, fileGets, fileLists } = emulator.counters;
  return { generateRequests, countTokens, uploadStarts, uploads, fileGets, fileLists };
}

/** The pid of a process that has ended. */
function endedPid(): number {
  const ended = spawnSync(process.execPath, ['-e', '']);
  if (ended.pid === undefined) throw new Error('could not start a process');
  return ended.pid;
}

describe('tp2dg-generate, one writer per run directory', () => {
  it(
    'should refuse a second run at once, naming the holder, and bill only the first run',
    async () => {
      const output = await outputFolder();
      const lock = join(output, DEFAULT_MODEL, 'dummy', '.run.lock');
      const args = geminiRunArgs(output, '--sessions', '1');
      const gated = await gatedEmulator();
      const env = emulatorEnv(gated.emulator, API_KEY);

      const first = runGenerate(args, { env });
      await gated.reached;
      const holder = await holderOf(lock);
      const second = await runGenerate(args, { env });
      gated.open();
      const firstResult = await first;

      expect(second.code).toBe(2);
      expect(second.stderr.trim().split('\n')).toEqual([
        `tp2dg-generate: ${lock}: another run is writing to this run directory (pid ${holder.pid} on ${hostname()}, started ${holder.started_at}). Wait for it to end or stop it; a lock left by a run that died is taken over by the next run.`,
      ]);
      expect(firstResult.code, firstResult.stderr).toBe(0);
      expect(existsSync(lock)).toBe(false);

      // What a single run of the same command bills, alone.
      const alone = await plainEmulator();
      const single = await runGenerate(geminiRunArgs(await outputFolder(), '--sessions', '1'), {
        env: emulatorEnv(alone, API_KEY),
      });
      expect(single.code).toBe(0);
      expect(billed(gated.emulator)).toEqual(billed(alone));
      expect(billed(alone).generateRequests).toBe(20);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'should release the lock when stopped with SIGTERM, keeping what it saved',
    async () => {
      const output = await outputFolder();
      const lock = join(output, DEFAULT_MODEL, 'dummy', '.run.lock');
      const gated = await gatedEmulator();
      const run = runGenerate(geminiRunArgs(output, '--sessions', '1'), {
        env: emulatorEnv(gated.emulator, API_KEY),
      });
      await gated.reached;
      process.kill((await holderOf(lock)).pid, 'SIGTERM');
      const stopped = await run;

      expect(stopped.code).toBe(1);
      expect(stopped.stderr).toContain('tp2dg-generate: interrupted: finished sessions are kept');
      expect(existsSync(lock)).toBe(false);
      expect(existsSync(join(output, DEFAULT_MODEL, 'dummy', 'run-manifest.json'))).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  it('should take over, with a warning, a lock left by a process that is gone', async () => {
    const output = await outputFolder();
    const lock = join(output, 'simulated', 'dummy', '.run.lock');
    const pid = endedPid();
    await mkdir(lock, { recursive: true });
    await writeFile(
      join(lock, 'holder.json'),
      JSON.stringify({ pid, host: hostname(), started_at: '2025-01-01T00:00:00.000Z' }),
    );

    const run = await runGenerate(simulatedRunArgs(DUMMY, output, '--sessions', '1'));

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `warning: ${lock}: took over the lock of a run that died (pid ${pid} on ${hostname()}, started 2025-01-01T00:00:00.000Z; process ${pid} is not running).`,
    );
    expect(run.stdout).toContain('Wrote 1 conversation(s)');
    expect(existsSync(lock)).toBe(false);
  });

  it('should refuse to run beside a live holder, while a dry run, which writes nothing, goes on', async () => {
    const output = await outputFolder();
    const lock = join(output, 'simulated', 'dummy', '.run.lock');
    await mkdir(lock, { recursive: true });
    // This test's own process: alive, on this host.
    const holder = { pid: process.pid, host: hostname(), started_at: '2025-01-01T00:00:00.000Z' };
    await writeFile(join(lock, 'holder.json'), JSON.stringify(holder));
    const args = ['--provider', 'simulated', '--data', DUMMY, '--output-dir', output, '--sessions', '1'];

    const refused = await runGenerate(args);
    const dryRun = await runGenerate([...args, '--dry-run']);

    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `(pid ${process.pid} on ${hostname()}, started 2025-01-01T00:00:00.000Z)`,
    );
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(await readdir(join(output, 'simulated', 'dummy'))).toEqual(['.run.lock']);
    expect(await holderOf(lock)).toEqual(holder);
  });
});
