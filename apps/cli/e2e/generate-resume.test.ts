import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CallRecordSchema, FailureRecordSchema } from '@tp2dg/entities';
import {
  agentOf,
  createCooperativeResponder,
  emulatedApiError,
  type GeminiEmulator,
  startGeminiEmulator,
} from '@tp2dg/gemini-adapter/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import { DUMMY, emulatorEnv, GENERATE, runNode, temporaryDirectory } from './support/run-command.js';

const API_KEY = 'AIza-resume-test-key-0000';
const RUN_TIMEOUT_MS = 30_000;
const emulators: GeminiEmulator[] = [];

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

/** An emulator answering cooperatively; `failRecsysRequest` n gets a 400 (never retried). */
async function emulator(failRecsysRequest?: number): Promise<GeminiEmulator> {
  let recsysRequests = 0;
  const responder = createCooperativeResponder({
    intercept: (request) => {
      if (agentOf(request.body) !== 'recsys') return undefined;
      recsysRequests += 1;
      return recsysRequests === failRecsysRequest
        ? emulatedApiError(400, { message: 'injected' })
        : undefined;
    },
  });
  const started = await startGeminiEmulator({ respond: responder.respond, apiKey: API_KEY });
  emulators.push(started);
  return started;
}

function generate(output: string, emulator: GeminiEmulator) {
  const args = ['--provider', 'gemini', '--sessions', '1', '--data', DUMMY, '--output-dir', output];
  const env = emulatorEnv(emulator, API_KEY);
  return runNode(GENERATE, args, { env });
}

async function sessionFolderOf(corpusRoot: string): Promise<string> {
  const entries = await readdir(corpusRoot, { recursive: true });
  const sessionFile = entries.find((entry) => entry.endsWith('session.json'));
  if (sessionFile === undefined) throw new Error(`no session.json under ${corpusRoot}`);
  return join(corpusRoot, sessionFile, '..');
}

describe('tp2dg-generate resuming a conversation that stopped midway', () => {
  it(
    'should replay the answers it paid for and ask only the calls from where it stopped',
    async () => {
      const output = await temporaryDirectory('resume');
      const corpusRoot = join(output, DEFAULT_MODEL, 'dummy');
      // Recsys requests: priming, then turns 1, 2, 3: the 4th is turn 3.
      const failing = await emulator(4);
      const stopped = await generate(output, failing);
      expect(stopped.code).toBe(5);
      const [failure] = (await readFile(join(corpusRoot, 'failures.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => FailureRecordSchema.parse(JSON.parse(line)));
      expect(failure).toMatchObject({ stage: 'generate', agent: 'recsys', turn: 3, code: 'MODEL_API' });
      const paidBeforeFailure = failing.counters.generateRequests - 1;

      const healthy = await emulator();
      const resumed = await generate(output, healthy);
      expect(resumed.code).toBe(0);
      const folder = await sessionFolderOf(corpusRoot);
      const calls = (await readFile(join(folder, 'calls.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => CallRecordSchema.parse(JSON.parse(line)));
      // Every call of the conversation was paid for exactly once, across both runs.
      expect(paidBeforeFailure + healthy.counters.generateRequests).toBe(calls.length);
      expect(healthy.counters.generateRequests).toBeLessThan(calls.length);
      expect(resumed.stderr).toContain(`+${paidBeforeFailure} replayed from its journal`);
      expect(existsSync(join(corpusRoot, '.journal'))).toBe(true);
      expect(await readdir(join(corpusRoot, '.journal'), { recursive: true })).not.toContainEqual(
        expect.stringMatching(/\.jsonl$/),
      );

      // The resumed conversation is the one a run without the failure writes.
      const straightOutput = await temporaryDirectory('straight');
      expect((await generate(straightOutput, await emulator())).code).toBe(0);
      const straightFolder = await sessionFolderOf(join(straightOutput, DEFAULT_MODEL, 'dummy'));
      const read = (base: string) => readFile(join(base, 'chat.json'), 'utf8');
      expect(await read(folder)).toBe(await read(straightFolder));
    },
    RUN_TIMEOUT_MS,
  );
});
