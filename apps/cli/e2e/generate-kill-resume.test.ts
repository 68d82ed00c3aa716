import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallRecordSchema, createSeededRandom, SessionFileSchema } from '@tp2dg/entities';
import {
  createCooperativeResponder,
  type GeminiEmulator,
  startGeminiEmulator,
} from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import { emulatorEnv, GENERATE, geminiRunArgs, runNode, temporaryDirectory } from './support/run-command.js';

const API_KEY = 'AIza-kill-test-key-0000';
const CONCURRENCY = 4;
/** A conversation has at most two calls in flight (profile with goal, the two primings). */
const MOST_CALLS_IN_FLIGHT = 2 * CONCURRENCY;
const KILLS = 4;
const random = createSeededRandom('kill-resume-test');

let emulator: GeminiEmulator;
beforeAll(async () => {
  const responder = createCooperativeResponder();
  emulator = await startGeminiEmulator({
    apiKey: API_KEY,
    // Latency of 20 to 60 ms, so that kills land between and during calls.
    respond: async (request) => {
      await sleep(20 + random.int(41));
      return responder.respond(request);
    },
  });
});
afterAll(() => emulator.close());

const args = (output: string) => geminiRunArgs(output, '--concurrency', `${CONCURRENCY}`);
const env = () => emulatorEnv(emulator, API_KEY);

/**
 * Starts the generator and kills it with SIGKILL once the service has received `calls` more
 * requests, plus up to 30 ms so the kill lands anywhere between or during calls.
 */
async function runAndKill(output: string, calls: number): Promise<'killed' | 'finished'> {
  const child = spawn('node', [GENERATE, ...args(output)], { env: env(), stdio: 'ignore' });
  let running = true;
  const exited = new Promise<'finished' | 'killed'>((resolve) =>
    child.on('exit', (_code, signal) => {
      running = false;
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    }),
  );
  const target = emulator.counters.generateRequests + calls;
  while (running && emulator.counters.generateRequests < target) await sleep(2);
  await sleep(random.int(31));
  child.kill('SIGKILL');
  return exited;
}

/** Every file under the run, parsed: JSON files whole, JSON-lines files line by line. */
async function readRun(corpusRoot: string) {
  const files = (await readdir(corpusRoot, { recursive: true, withFileTypes: true })).filter((entry) =>
    entry.isFile(),
  );
  const sessionIds: string[] = [];
  let finishedCalls = 0;
  let journaledCalls = 0;
  for (const file of files) {
    const path = join(file.parentPath, file.name);
    const text = await readFile(path, 'utf8');
    if (file.name.endsWith('.jsonl')) {
      const lines = text.split('\n').filter((line) => line !== '');
      for (const line of lines) JSON.parse(line);
      if (file.name === 'calls.jsonl')
        finishedCalls += lines.map((line) => CallRecordSchema.parse(JSON.parse(line))).length;
      else if (path.includes('/.journal/')) journaledCalls += lines.length;
    } else {
      const parsed = JSON.parse(text);
      if (file.name === 'session.json') sessionIds.push(SessionFileSchema.parse(parsed).session_id);
    }
  }
  const stagingFolders = (await readdir(corpusRoot, { recursive: true })).filter((path) =>
    basename(path).includes('.partial-'),
  );
  return { sessionIds, finishedCalls, journaledCalls, stagingFolders };
}

describe('tp2dg-generate killed with SIGKILL and resumed', () => {
  it('should end with every session once, every file readable, and no call paid twice but those in flight', async () => {
    const output = await temporaryDirectory('kill');
    const corpusRoot = join(output, DEFAULT_MODEL, 'dummy');
    const lostAtKills: number[] = [];
    let savedBeforeLastRun = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const outcome = await runAndKill(output, 5 + random.int(31));
      if (outcome === 'finished') break;
      // Calls the service answered that are neither journaled nor in a finished session.
      const onDisk = await readRun(corpusRoot);
      savedBeforeLastRun = onDisk.finishedCalls + onDisk.journaledCalls;
      const lostSoFar = emulator.counters.generateRequests - onDisk.finishedCalls - onDisk.journaledCalls;
      lostAtKills.push(lostSoFar - lostAtKills.reduce((sum, lost) => sum + lost, 0));
    }
    expect(lostAtKills.length, 'at least one kill landed during a run').toBeGreaterThan(0);
    expect(savedBeforeLastRun, 'the runs killed saved calls to resume from').toBeGreaterThan(0);

    const final = await runNode(GENERATE, args(output), { env: env() });
    expect(final.code, final.stderr).toBe(0);
    const run = await readRun(corpusRoot);
    expect(run.sessionIds.sort()).toEqual([...new Set(run.sessionIds)].sort());
    expect(run.sessionIds).toHaveLength(8);
    expect(run.journaledCalls).toBe(0);
    expect(run.stagingFolders).toEqual([]);
    // Every call paid for is in a saved conversation, but those in flight when a kill came.
    for (const lost of lostAtKills) expect(lost).toBeLessThanOrEqual(MOST_CALLS_IN_FLIGHT);
    const paidTwice = emulator.counters.generateRequests - run.finishedCalls;
    expect(paidTwice).toBe(lostAtKills.reduce((sum, lost) => sum + lost, 0));
  }, 60_000);
});
