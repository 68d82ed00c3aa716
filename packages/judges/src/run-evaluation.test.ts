import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  EvalFileSchema,
  EvalSummaryFileSchema,
  findRunFiles,
  type ModelPort,
  PriceTableSchema,
  RUBRIC_NAMES,
  Tp2dgError,
} from '@tp2dg/entities';
import { acquireRunLock, type ModelFactory } from '@tp2dg/orchestrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalEvent, RunEvaluationOptions } from './eval-types.js';
import { loadJudgeTemplates } from './judge-templates.js';
import { projectEvaluation } from './project-evaluation.js';
import { runEvaluation } from './run-evaluation.js';
import { createSimulatedJudge } from './simulated-judge.js';
import { generateSimulatedRun } from './testing/simulated-run.js';

// A real provider's list prices, read from its package's data file: the judges are given theirs by the caller.
const prices = PriceTableSchema.parse(
  JSON.parse(
    await readFile(new URL('../../gemini-adapter/data/gemini-prices.json', import.meta.url), 'utf8'),
  ),
);

/** Two simulated conversations of 3 turns: 4 + 2 + 3 x 3 = 15 judgements each. */
const JUDGEMENTS = 15;
let root: string;
let pristine: string;
let templates: Awaited<ReturnType<typeof loadJudgeTemplates>>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tp2dg-judges-'));
  pristine = join(root, 'pristine');
  await generateSimulatedRun(pristine, 2, 3);
  templates = await loadJudgeTemplates();
});
afterAll(() => rm(root, { recursive: true, force: true }));

let copies = 0;
/** A copy of the generated run for one test to judge. */
async function runCopy(): Promise<string> {
  copies += 1;
  const copy = join(root, `run-${copies}`);
  await cp(pristine, copy, { recursive: true });
  return copy;
}

/** A judge named `gemini-3.5-flash-lite` (priced, journaled) that answers as the simulated one, counting calls. */
function pricedJudge(fail?: (call: number) => boolean): ModelFactory & { calls: () => number } {
  let calls = 0;
  const simulated = createSimulatedJudge();
  const port: ModelPort = {
    provider: 'gemini',
    model: 'gemini-3.5-flash-lite',
    async generate(request) {
      calls += 1;
      if (fail?.(calls)) throw new Tp2dgError('MODEL_API', `HTTP 503 on call ${calls}`);
      return simulated.generate(request);
    },
  };
  return {
    provider: 'gemini',
    model: 'gemini-3.5-flash-lite',
    capabilities: { freeAndDeterministic: false },
    forSession: () => port,
    calls: () => calls,
  };
}

const simulatedJudge: ModelFactory = {
  provider: 'simulated',
  model: 'simulated',
  capabilities: { freeAndDeterministic: true },
  forSession: createSimulatedJudge,
};

function optionsFor(input: string, overrides: Partial<RunEvaluationOptions> = {}): RunEvaluationOptions {
  return { input, models: simulatedJudge, templates, prices, maxAttempts: 3, concurrency: 2, ...overrides };
}

async function sessionFolders(input: string): Promise<string[]> {
  return (await findRunFiles(input)).sessionFolders;
}

describe('runEvaluation', () => {
  it('should write a labelled eval.json per conversation and a summary per run, then keep them on a second run', async () => {
    const input = await runCopy();
    const events: EvalEvent[] = [];
    const report = await runEvaluation(optionsFor(input, { onEvent: (event) => events.push(event) }));
    expect(report).toMatchObject({ evaluated: 2, existing: 0, failed: 0, calls: 2 * JUDGEMENTS });
    for (const folder of await sessionFolders(input)) {
      const evaluation = EvalFileSchema.parse(JSON.parse(await readFile(join(folder, 'eval.json'), 'utf8')));
      expect(evaluation).toMatchObject({
        provider: 'simulated',
        simulated: true,
        judge: { provider: 'simulated', model: 'simulated', rubrics_hash: templates.hash },
        call_count: JUDGEMENTS,
      });
      expect(evaluation.judgements).toHaveLength(JUDGEMENTS);
      expect(Object.keys(evaluation.scores)).toEqual([...RUBRIC_NAMES]);
      expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([]);
    }
    const [summaryFile] = report.summaries;
    const summary = EvalSummaryFileSchema.parse(JSON.parse(await readFile(summaryFile as string, 'utf8')));
    expect(summary.conversations).toEqual({ evaluated: 2, unevaluated: 0 });
    expect(summary.rubrics.goal_fit.count).toBe(2);
    expect(summary.rubrics.progress_label.count).toBe(4);
    expect(events.filter((event) => event.type === 'session-evaluated')).toHaveLength(2);

    const before = await readFile(join((await sessionFolders(input))[0] as string, 'eval.json'), 'utf8');
    const again = await runEvaluation(optionsFor(input));
    expect(again).toMatchObject({ evaluated: 0, existing: 2, calls: 0 });
    expect(await readFile(join((await sessionFolders(input))[0] as string, 'eval.json'), 'utf8')).toBe(
      before,
    );
  });

  it('should refuse, before any call, conversations judged with other rubrics, and judge them again with fresh', async () => {
    const input = await runCopy();
    await runEvaluation(optionsFor(input));
    const overrides = join(root, 'overrides');
    await mkdir(overrides, { recursive: true });
    const body = (await readFile(templates.get('judge-system').source, 'utf8')).replace(
      'Be consistent',
      'Be fair',
    );
    await writeFile(join(overrides, 'judge-system.md'), body);
    const reworded = await loadJudgeTemplates({ overridesDir: overrides });
    const judge = pricedJudge();
    const refused = await runEvaluation(optionsFor(input, { templates: reworded, models: judge })).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((refused as Error).message).toMatch(
      /eval\.json: judged with provider simulated, this command has gemini; model simulated, this command has gemini-3\.5-flash-lite; rubrics_hash [0-9a-f]{64}, this command has [0-9a-f]{64}\. Pass --fresh/,
    );
    expect(judge.calls()).toBe(0);
    const fresh = await runEvaluation(optionsFor(input, { templates: reworded, fresh: true }));
    expect(fresh).toMatchObject({ evaluated: 2, existing: 0 });
    const [folder] = await sessionFolders(input);
    const saved = EvalFileSchema.parse(
      JSON.parse(await readFile(join(folder as string, 'eval.json'), 'utf8')),
    );
    expect(saved.judge.rubrics_hash).toBe(reworded.hash);
  });

  it('should journal the answers of a conversation that failed and replay them on the next run', async () => {
    const input = await runCopy();
    // Concurrency 1: the first conversation's calls are 1 to 15; the second fails at its tenth.
    const failing = pricedJudge((call) => call === JUDGEMENTS + 10);
    const first = await runEvaluation(optionsFor(input, { models: failing, concurrency: 1 }));
    expect(first).toMatchObject({ evaluated: 1, failed: 1 });
    const [, second] = await sessionFolders(input);
    expect(
      (await readdir(second as string)).filter((name) => name.startsWith('.eval-journal-')),
    ).toHaveLength(1);
    const resumed = pricedJudge();
    const report = await runEvaluation(optionsFor(input, { models: resumed, concurrency: 1 }));
    expect(report).toMatchObject({ evaluated: 1, existing: 1 });
    // The nine answered before the failure at least (a call that took the freed slot may have been answered too).
    expect(report.replayedCalls).toBeGreaterThanOrEqual(9);
    expect(report.replayedCalls + report.calls).toBe(JUDGEMENTS);
    expect(resumed.calls()).toBe(report.calls);
    expect((await readdir(second as string)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('should refuse a run directory another run holds, before any call, and take it once released', async () => {
    const input = await runCopy();
    const [folder] = await sessionFolders(input);
    const runDirectory = dirname(dirname(folder as string));
    const judge = pricedJudge();
    const held = await acquireRunLock(runDirectory, undefined, { onWarning: () => {}, onLost: () => {} });
    const refused = await runEvaluation(optionsFor(input, { models: judge })).catch(
      (caught: unknown) => caught,
    );
    expect(refused).toBeInstanceOf(Tp2dgError);
    expect((refused as Tp2dgError).message).toMatch(/another run is writing to this run directory/);
    expect(judge.calls()).toBe(0);
    await held[Symbol.asyncDispose]();
    const report = await runEvaluation(optionsFor(input, { models: judge }));
    expect(report.evaluated).toBe(2);
    // Released at the end: the next run takes the lock again.
    await (await acquireRunLock(runDirectory, undefined, { onWarning: () => {}, onLost: () => {} }))[
      Symbol.asyncDispose
    ]();
  });

  it('should start no conversation past --max-cost once the first has measured what one costs', async () => {
    const input = await runCopy();
    const report = await runEvaluation(optionsFor(input, { models: pricedJudge(), maxCostUsd: 1e-9 }));
    expect(report).toMatchObject({ evaluated: 1, budgetReached: true });
    expect(report.spentUsd).toBeGreaterThan(0);
    const summary = EvalSummaryFileSchema.parse(
      JSON.parse(await readFile(report.summaries[0] as string, 'utf8')),
    );
    expect(summary.conversations).toEqual({ evaluated: 1, unevaluated: 1 });
  });

  it('should stop on a media file that is not where the run read it, naming it', async () => {
    const input = await runCopy();
    const [manifest] = (await findRunFiles(input)).manifests;
    const saved = JSON.parse(await readFile(manifest as string, 'utf8'));
    saved.run_options.data = join(root, 'moved-corpus');
    await writeFile(manifest as string, JSON.stringify(saved));
    const error = await runEvaluation(optionsFor(input)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MEDIA_NOT_FOUND' });
    expect((error as Error).message).toContain(`${join(root, 'moved-corpus')}/`);
    expect(existsSync(join((await sessionFolders(input))[0] as string, 'eval.json'))).toBe(false);
  });
});

describe('projectEvaluation', () => {
  it('should count the calls and dollars of what is left to judge, and write nothing', async () => {
    const input = await runCopy();
    const projection = await projectEvaluation(optionsFor(input, { models: pricedJudge() }));
    expect(projection).toMatchObject({ conversations: 2, alreadyEvaluated: 0, calls: 2 * JUDGEMENTS });
    expect(projection.costUsd).toBeGreaterThan(0);
    for (const folder of await sessionFolders(input))
      expect(existsSync(join(folder, 'eval.json'))).toBe(false);
    const unpriced = {
      provider: 'gemini',
      model: 'gemini-unlisted',
      capabilities: { freeAndDeterministic: false },
      forSession: createSimulatedJudge,
    };
    await expect(projectEvaluation(optionsFor(input, { models: unpriced }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
