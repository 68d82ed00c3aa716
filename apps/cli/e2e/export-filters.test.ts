import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  agentOf,
  createCooperativeResponder,
  type GeminiEmulator,
  startGeminiEmulator,
} from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import { numExamples, readCard, readParquet } from './support/exported-dataset.js';
import {
  DUMMY,
  EXPORT,
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  runNode,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';

const API_KEY = 'AIza-export-filters-3456';

let emulator: GeminiEmulator;
let root: string;
let input: string;

/**
 * One input holding what an export must leave out, each for its own reason: a Gemini run
 * whose u03 conversations are kept short (`--keep-short`, the Recsys blocked at turn 3) and
 * whose u04 conversations fail (the profile call blocked), a simulated run of the same
 * corpus, and a copy of one finished conversation. What remains: the 4 of u01 and u02.
 */
beforeAll(async () => {
  const mentions = (request: { body: unknown }, text: string) => JSON.stringify(request.body).includes(text);
  const responder = createCooperativeResponder({
    intercept: (request) => {
      const agent = agentOf(request.body);
      if (agent === 'profile' && mentions(request, 'country: Japan (JP)')) return { finishReason: 'SAFETY' };
      const lastTurn = JSON.stringify(request.body.contents.at(-1));
      if (agent === 'recsys' && mentions(request, 'country: Germany (DE)') && lastTurn.includes('Turn 3.')) {
        return { finishReason: 'SAFETY' };
      }
      return undefined;
    },
  });
  emulator = await startGeminiEmulator({ apiKey: API_KEY, respond: responder.respond });
  root = await temporaryDirectory('export-filters');
  input = join(root, 'runs');
  const gemini = await runNode(GENERATE, geminiRunArgs(input, '--keep-short'), {
    env: emulatorEnv(emulator, API_KEY),
  });
  expect(gemini.code, gemini.stderr).toBe(5);
  const simulated = await runNode(GENERATE, simulatedRunArgs(DUMMY, input));
  expect(simulated.code, simulated.stderr).toBe(0);
  const [session] = await readdir(join(input, DEFAULT_MODEL, 'dummy', 'u01'));
  await cp(
    join(input, DEFAULT_MODEL, 'dummy', 'u01', session as string),
    join(input, 'copy', 'u01', session as string),
    {
      recursive: true,
    },
  );
});

afterAll(async () => {
  await emulator?.close();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('tp2dg-export of a run with short, failed, simulated and duplicate conversations', () => {
  it('should export only the complete ones and count each kind left out in the card', async () => {
    const out = join(root, 'dataset');
    const result = await runNode(EXPORT, ['--input', input, '--out', out, '--test-ratio', '0.5']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Left out: 2 short, 2 failed, 8 simulated, 1 duplicate.');
    const card = await readCard(out);
    expect(card.body).toContain('| short: ended before the turn count (kept with `--keep-short`) | 2 |');
    expect(card.body).toContain('| failed: in a failure log, never finished | 2 |');
    expect(card.body).toContain(
      '| simulated: offline test data, not exported without `--allow-simulated` | 8 |',
    );
    expect(card.body).toContain('| duplicate: a session id already exported | 1 |');
    expect(card.body).not.toContain('[!WARNING]');
    const rows = [];
    for (const { data_files } of card.header.configs.filter(
      (config) => config.config_name === 'conversations',
    )) {
      for (const { path } of data_files) rows.push(...(await readParquet(join(out, path))));
    }
    expect(rows.map((row) => row.user_id).sort()).toEqual(['u01', 'u01', 'u02', 'u02']);
    const total =
      (numExamples(card, 'conversations', 'train') ?? 0) + (numExamples(card, 'conversations', 'test') ?? 0);
    expect(total).toBe(4);
    expect(card.body).toContain(`- Model: ${DEFAULT_MODEL} (provider: gemini)`);
    expect(card.body).toMatch(/- Cost: \$\d+\.\d{4} at list prices for 4 conversations/);
  });

  it('should refuse to mix the simulated model with Gemini in one line, exit 2, unless --allow-mixed', async () => {
    const mixed = await runNode(EXPORT, [
      '--input',
      input,
      '--out',
      join(root, 'mixed'),
      '--allow-simulated',
    ]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
    expect(mixed.stderr).toMatch(/^tp2dg-export: --input mixes models: .* --allow-mixed\.$/m);
    const allowed = await runNode(EXPORT, [
      '--input',
      input,
      '--out',
      join(root, 'mixed'),
      '--allow-simulated',
      '--allow-mixed',
    ]);
    expect(allowed.code, allowed.stderr).toBe(0);
    const card = await readCard(join(root, 'mixed'));
    // The simulated u01 and u02 conversations have the session ids of Gemini ones: duplicates.
    expect(allowed.stdout).toContain('Left out: 2 short, 2 failed, 0 simulated, 5 duplicate.');
    expect(card.body).toContain('> 4 of these 8 conversations were made by');
  });
});
