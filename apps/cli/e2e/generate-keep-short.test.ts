import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ChatFileSchema, FailureRecordSchema, SessionFileSchema } from '@tp2dg/entities';
import {
  agentOf,
  createCooperativeResponder,
  type GeminiEmulator,
  startGeminiEmulator,
} from '@tp2dg/gemini-adapter/testing';
import { RunManifestSchema } from '@tp2dg/orchestrator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import {
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  runNode,
  SUMMARY,
  temporaryDirectory,
} from './support/run-command.js';

const API_KEY = 'AIza-keep-short-key-9012';
const SESSION = join('u01', 'u01__2019-01-07');

let emulator: GeminiEmulator;
const outputs: string[] = [];

beforeAll(async () => {
  // Every Recsys request of turn 3, resends included, is stopped by the safety filter.
  const responder = createCooperativeResponder({
    intercept: (request) =>
      agentOf(request.body) === 'recsys' && JSON.stringify(request.body.contents.at(-1)).includes('Turn 3.')
        ? { finishReason: 'SAFETY' }
        : undefined,
  });
  emulator = await startGeminiEmulator({ apiKey: API_KEY, respond: responder.respond });
});

afterAll(() => emulator?.close());
afterEach(async () => {
  for (const output of outputs.splice(0)) await rm(output, { recursive: true, force: true });
});

async function generate(...options: string[]) {
  const output = await temporaryDirectory('keep-short');
  outputs.push(output);
  const args = geminiRunArgs(output, '--sessions', '1', ...options);
  const run = () => runNode(GENERATE, args, { env: emulatorEnv(emulator, API_KEY) });
  return { output, corpusRoot: join(output, DEFAULT_MODEL, 'dummy'), run };
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('tp2dg-generate with a turn blocked on every resend', () => {
  it('should fail the session into failures.jsonl and write nothing short, by default', async () => {
    const { corpusRoot, run } = await generate();
    const result = await run();
    expect(result.code, result.stderr).toBe(5);
    expect(result.stdout).toContain('Wrote 0 conversation(s)');
    expect(result.stdout).toContain('Failed: 1. Kept short: 0.');
    const failures = (await readFile(join(corpusRoot, 'failures.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => FailureRecordSchema.parse(JSON.parse(line)));
    expect(failures).toEqual([
      expect.objectContaining({
        agent: 'recsys',
        turn: 3,
        code: 'BLOCKED',
        reason: expect.stringContaining('3 attempt(s)'),
      }),
    ]);
    expect(existsSync(join(corpusRoot, SESSION))).toBe(false);
  });

  it('should save the complete turns with --keep-short, labelled, exit 5, and be counted apart by tp2dg-summary', async () => {
    const { output, corpusRoot, run } = await generate('--keep-short');
    const result = await run();
    expect(result.code, result.stderr).toBe(5);
    expect(result.stdout).toContain('Wrote 1 conversation(s)');
    expect(result.stdout).toContain('Failed: 0. Kept short: 1.');
    expect(result.stderr).toContain('kept short: recsys turn 3 got BLOCKED');
    expect(existsSync(join(corpusRoot, 'failures.jsonl'))).toBe(false);

    const session = SessionFileSchema.parse(await readJson(join(corpusRoot, SESSION, 'session.json')));
    expect(session).toMatchObject({
      turns_requested: 8,
      turns_completed: 2,
      ended_early: { agent: 'recsys', turn: 3, response_code: 'BLOCKED', kept_short: true },
    });
    const chat = ChatFileSchema.parse(await readJson(join(corpusRoot, SESSION, 'chat.json')));
    expect(chat.map((turn) => turn.turn)).toEqual([1, 2]);
    for (const turn of chat)
      expect(turn.recsys).toMatchObject({ track: expect.any(Object), response_code: 'SUCCESS' });
    const manifest = RunManifestSchema.parse(await readJson(join(corpusRoot, 'run-manifest.json')));
    expect(manifest.settings).toMatchObject({ keep_short: true });
    expect(manifest.run_options).toMatchObject({ max_blocked_retries: 2 });

    const summary = await runNode(SUMMARY, ['--input', output, '--json']);
    expect(summary.code, summary.stderr).toBe(0);
    expect(JSON.parse(summary.stdout).conversations).toMatchObject({ total: 1, short: 1 });
    const text = await runNode(SUMMARY, ['--input', output]);
    expect(text.stdout).toContain('Conversations: 1, 1 of them short');

    // Resuming without --keep-short would mix both kinds in one dataset: refused before any call.
    const requests = emulator.counters.generateRequests;
    const refused = await runNode(GENERATE, geminiRunArgs(output, '--sessions', '1'), {
      env: emulatorEnv(emulator, API_KEY),
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('keep_short true, this command has false');
    expect(emulator.counters.generateRequests).toBe(requests);
  });

  it('should refuse a --max-blocked-retries that is not a whole number of at least 0', async () => {
    const { run } = await generate('--max-blocked-retries', '-1');
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--max-blocked-retries must be a whole number of at least 0 (got -1)');
  });
});
