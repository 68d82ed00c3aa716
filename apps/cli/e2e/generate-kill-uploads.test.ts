import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type GeminiEmulator, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctBundledMedia } from './support/bundled-media.js';
import { emulatorEnv, GENERATE, geminiRunArgs, runNode, temporaryDirectory } from './support/run-command.js';

const API_KEY = 'AIza-kill-uploads-key-0000';
/** Each upload is held this long before it is answered, so uploads are in flight at the kill. */
const UPLOAD_LATENCY_MS = 10;
/** Uploads answered before the kill: a ledger lagging behind them would show. */
const ANSWERED_BEFORE_KILL = 24;
/** Uploads the adapter runs at once (its README): the most that can be in flight. */
const UPLOADS_AT_ONCE = 8;

let emulator: GeminiEmulator;
let output: string;
beforeAll(async () => {
  emulator = await startGeminiEmulator({ apiKey: API_KEY, uploadLatencyMs: UPLOAD_LATENCY_MS });
  output = await temporaryDirectory('kill-uploads');
});
afterAll(async () => {
  await emulator.close();
  await rm(output, { recursive: true, force: true });
});

const env = () => emulatorEnv(emulator, API_KEY);

/**
 * Starts the generator and kills it with SIGKILL as soon as the service has answered
 * `answered` uploads, in the middle of the others. Returns how many uploads the killed run
 * had started, once it is dead, and how many of them the service had answered at the kill.
 */
async function killDuringUploads(answered: number): Promise<{ started: number; answered: number }> {
  const child = spawn('node', [GENERATE, ...geminiRunArgs(output)], { env: env(), stdio: 'ignore' });
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      running = false;
      resolve();
    }),
  );
  const { counters } = emulator;
  while (running && counters.uploads < answered) await sleep(1);
  const answeredAtKill = counters.uploads;
  child.kill('SIGKILL');
  await exited;
  return { started: counters.uploadStarts, answered: answeredAtKill };
}

async function ledgerKeys(): Promise<Set<string>> {
  const text = await readFile(join(output, 'gemini-uploads.jsonl'), 'utf8');
  return new Set(
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line).key as string),
  );
}

describe('tp2dg-generate killed with SIGKILL during its uploads and resumed', () => {
  it('should have every finished upload in the ledger, and upload again only those in flight at the kill', async () => {
    const distinct = await distinctBundledMedia();
    const atKill = await killDuringUploads(ANSWERED_BEFORE_KILL);
    expect(atKill.answered, 'the kill came during the uploads').toBeGreaterThanOrEqual(ANSWERED_BEFORE_KILL);
    expect(atKill.answered).toBeLessThan(distinct);
    // In flight at the kill: started by the killed run but not finished, i.e. not in its ledger.
    const inFlight = atKill.started - (await ledgerKeys()).size;
    expect(inFlight, 'the ledger is behind the uploads by no more than those in flight').toBeLessThanOrEqual(
      UPLOADS_AT_ONCE,
    );

    const resumed = await runNode(GENERATE, geminiRunArgs(output), { env: env() });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await ledgerKeys()).size).toBe(distinct);
    // Contents the service stored twice: uploads the kill caught in flight.
    const sentAgain = emulator.counters.uploads - distinct;
    expect(sentAgain, `uploads sent again, with ${inFlight} in flight at the kill`).toBeLessThanOrEqual(
      inFlight,
    );
  }, 60_000);
});
