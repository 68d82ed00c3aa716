import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EvalFileSchema, EvalSummaryFileSchema, findRunFiles, RUBRIC_NAMES } from '@tp2dg/entities';
import { filePartsOf, type GeminiEmulator, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCard } from './support/exported-dataset.js';
import {
  DUMMY,
  EVAL,
  EXPORT,
  emulatorEnv,
  GENERATE,
  runNode,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';

const API_KEY = 'AIza-eval-test-key-DO-NOT-LEAK-3456';
/** Three conversations of 3 turns: 4 rubrics once, progress_label at turns 2 and 3, 3 rubrics a turn. */
const CONVERSATIONS = 3;
const JUDGEMENTS = 4 + 2 + 3 * 3;

let root: string;
let run: string;
let emulator: GeminiEmulator;

beforeAll(async () => {
  root = await temporaryDirectory('eval');
  run = join(root, 'run');
  const generated = await runNode(GENERATE, simulatedRunArgs(DUMMY, run, '--sessions', '3', '--turns', '3'));
  expect(generated.code, generated.stderr).toBe(0);
  emulator = await startGeminiEmulator({ apiKey: API_KEY });
});
afterAll(async () => {
  await emulator.close();
  await rm(root, { recursive: true, force: true });
});

const evaluate = (...args: string[]) =>
  runNode(EVAL, ['--input', run, ...args], { env: emulatorEnv(emulator, API_KEY) });

async function evaluations() {
  const { sessionFolders } = await findRunFiles(run);
  return Promise.all(
    sessionFolders.map(async (folder) => {
      const file = join(folder, 'eval.json');
      return existsSync(file) ? EvalFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))) : undefined;
    }),
  );
}

// One run directory judged step by step: each test starts where the one before left it.
describe('tp2dg-eval', () => {
  it('should project the calls and dollars of a Gemini judge with --dry-run, with no call and no write', async () => {
    const result = await evaluate('--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Dry run: no model call, no upload, nothing written.');
    expect(result.stdout).toContain(
      `Projection for ${CONVERSATIONS} conversation(s) judged by gemini-3.5-flash-lite (already evaluated by it, so left out: 0):`,
    );
    expect(result.stdout).toMatch(new RegExp(`^ {2}calls +${CONVERSATIONS * JUDGEMENTS}$`, 'm'));
    expect(Number(/^cost: \$(\d+\.\d+)/m.exec(result.stdout)?.[1])).toBeGreaterThan(0);
    expect(emulator.counters.generateRequests + emulator.counters.uploadStarts).toBe(0);
    expect(await evaluations()).toEqual(Array(CONVERSATIONS).fill(undefined));
  });

  it('should score every conversation with the simulated judge, labelled, then keep them on a second run', async () => {
    const first = await evaluate('--provider', 'simulated');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Simulated judge: these scores are NOT a model judgement');
    expect(first.stdout).toContain(
      `Evaluated ${CONVERSATIONS} conversation(s) with simulated (${CONVERSATIONS * JUDGEMENTS} judge calls`,
    );
    const scored = await evaluations();
    for (const evaluation of scored) {
      expect(evaluation).toMatchObject({ provider: 'simulated', simulated: true, call_count: JUDGEMENTS });
      expect(evaluation?.judgements).toHaveLength(JUDGEMENTS);
    }
    const summary = EvalSummaryFileSchema.parse(
      JSON.parse(await readFile(join(run, 'simulated', 'dummy', 'eval-summary.json'), 'utf8')),
    );
    expect(summary.conversations).toEqual({ evaluated: CONVERSATIONS, unevaluated: 0 });

    const again = await evaluate('--provider', 'simulated');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Evaluated 0 conversation(s) with simulated (0 judge calls');
    expect(again.stdout).toContain(`Already evaluated: ${CONVERSATIONS}. Failed: 0.`);
    expect(await evaluations()).toEqual(scored);
  });

  it('should export only the conversations whose scores reach --min-score, counting the others in the card', async () => {
    // The simulated judge's scores are a hash of each request: a rubric they differ by splits the run.
    const scored = await evaluations();
    const [rubric, scores] = RUBRIC_NAMES.map(
      (name) => [name, scored.map((evaluation) => evaluation?.scores[name] ?? 0)] as const,
    ).find(([, values]) => new Set(values).size > 1) ?? ['goal_fit', []];
    const minimum = Math.max(...scores);
    const kept = scores.filter((score) => score >= minimum).length;
    expect(kept).toBeLessThan(CONVERSATIONS);
    const out = join(root, 'dataset');
    const args = [
      '--input',
      run,
      '--out',
      out,
      '--allow-simulated',
      '--format',
      'jsonl',
      '--test-ratio',
      '0',
    ];
    const result = await runNode(EXPORT, [
      ...args,
      '--cold-ratio',
      '0',
      '--min-score',
      `goal_fit=${minimum}`,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `Left out by --min-score: ${CONVERSATIONS - kept} below it, 0 not evaluated.`,
    );
    const card = await readCard(out);
    expect(card.body).toContain(
      `| below \`--min-score\`: judge scores under a minimum | ${CONVERSATIONS - kept} |`,
    );
    expect(card.body).toContain(`Kept only conversations whose judge scores reach ${rubric} >= ${minimum}`);
    const extra = (await readFile(join(out, 'data/conversations_extra/train-00000-of-00001.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(extra).toHaveLength(kept);
    for (const row of extra) {
      expect(row).toMatchObject({ judge_provider: 'simulated', judge_model: 'simulated' });
      expect(row.judge_scores[rubric]).toBeGreaterThanOrEqual(minimum);
    }
  });

  it('should refuse another judge without --fresh, then judge through Gemini with the schema and the media', async () => {
    const refused = await evaluate('--provider', 'gemini');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /eval\.json: judged with provider simulated, this command has gemini; .*--fresh/,
    );
    expect(emulator.counters.generateRequests).toBe(0);

    const judged = await evaluate('--provider', 'gemini', '--fresh');
    expect(judged.code, judged.stderr).toBe(0);
    const requests = emulator.requests;
    expect(requests).toHaveLength(CONVERSATIONS * JUDGEMENTS);
    for (const { body } of requests) {
      const schema = body.generationConfig?.responseJsonSchema as { properties: object };
      expect(Object.keys(schema.properties)).toEqual(['score', 'rationale']);
    }
    // The goal-fit judge hears and sees the whole pool; the coherence judge reads text only.
    const withRubric = (rubric: string) =>
      requests.filter(({ body }) => JSON.stringify(body).includes(rubric));
    for (const { body } of withRubric('Rubric: is this listener goal grounded in its pool?')) {
      expect(filePartsOf(body.contents).length).toBeGreaterThanOrEqual(2 * 8);
    }
    for (const { body } of withRubric("Rubric: do the speakers' thoughts support what they say?")) {
      expect(filePartsOf(body.contents)).toEqual([]);
    }
    for (const evaluation of await evaluations()) {
      expect(evaluation).toMatchObject({
        provider: 'gemini',
        simulated: false,
        judge: { provider: 'gemini', model: 'gemini-3.5-flash-lite' },
      });
      expect(Object.values(evaluation?.scores ?? {})).toEqual(Array(8).fill(3));
    }
  });
});
