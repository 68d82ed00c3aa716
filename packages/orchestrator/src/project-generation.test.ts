import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedModel } from '@tp2dg/agents';
import { costOfCall, priceOf, uncachedUsage, ZERO_USAGE } from '@tp2dg/entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectGeneration } from './project-generation.js';
import { runGeneration } from './run-generation.js';
import type { ModelFactory } from './run-types.js';
import { TEST_PRICES } from './test-prices.js';
import { loadPromptsAndCatalog } from './testing/dummy-fixtures.js';
import { simulatedRunOptions } from './testing/simulated-run-options.js';

let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;
beforeAll(async () => {
  fixtures = await loadPromptsAndCatalog();
});

const simulated = (): ModelFactory => ({
  provider: 'simulated',
  model: 'simulated',
  capabilities: { freeAndDeterministic: true },
  forSession: (session) => createSimulatedModel({ session, seed: 42, catalog: fixtures.catalog, turns: 8 }),
});

const optionsFor = (outputDir: string) =>
  simulatedRunOptions(fixtures, outputDir, { models: simulated(), prices: TEST_PRICES });

/** Every call's estimate in a projection: part of its prompt served from the cache. */
const callUsage = { ...ZERO_USAGE, text_input: 1_000, cached_text_input: 3_000, output: 100 };

/** The simulated backend standing in for a Gemini model, as `--dry-run` uses it, with a fixed estimate. */
function projecting(model: string): ModelFactory {
  return {
    provider: 'projection',
    model,
    capabilities: { freeAndDeterministic: false },
    forSession(session) {
      const simulated = createSimulatedModel({ session, seed: 42, catalog: fixtures.catalog, turns: 8 });
      return {
        provider: 'projection',
        model,
        generate: async (request) => ({ ...(await simulated.generate(request)), usage: callUsage }),
      };
    },
  };
}

describe('projectGeneration', () => {
  it('should count the calls and usage the run then makes, and write nothing', async () => {
    const outputDir = join(await mkdtemp(join(tmpdir(), 'tp2dg-projection-')), 'out');
    const projection = await projectGeneration(optionsFor(outputDir));
    expect(existsSync(outputDir)).toBe(false);
    const report = await runGeneration(optionsFor(outputDir));
    expect(projection).toMatchObject({
      model: 'simulated',
      sessions: 8,
      alreadyGenerated: 0,
      calls: report.calls,
    });
    expect(projection.usage).toEqual(report.usage);
  });

  it('should leave out the sessions already generated and honour the session limit and the shard', async () => {
    const outputDir = await mkdtemp(join(tmpdir(), 'tp2dg-projection-'));
    await runGeneration({ ...optionsFor(outputDir), sessions: 3 });
    const rest = await projectGeneration({ ...optionsFor(outputDir), sessions: 5 });
    expect(rest).toMatchObject({ sessions: 2, alreadyGenerated: 3, calls: 40 });
    const shards = await Promise.all(
      [1, 2].map((index) => projectGeneration({ ...optionsFor(outputDir), shard: { index, count: 2 } })),
    );
    expect(shards.map((shard) => shard.sessions + shard.alreadyGenerated).reduce((a, b) => a + b)).toBe(8);
  });

  it('should price each call at the list prices of the day, with and without cache hits', async () => {
    const outputDir = join(await mkdtemp(join(tmpdir(), 'tp2dg-projection-')), 'out');
    const today = () => new Date('2027-01-01T00:00:00Z');
    const options = { ...optionsFor(outputDir), models: projecting('gemini-3.8-flash'), sessions: 1, today };
    const projection = await projectGeneration(options);
    const doubled = priceOf('gemini-3.8-flash', TEST_PRICES, today());
    if (doubled === undefined) throw new Error('gemini-3.8-flash must be priced');
    // 20 calls, each 1,000 x 1.50 + 3,000 x 0.15 + 100 x 7.50 = 2,700 per 1M at the 2027 prices,
    // or 4,000 x 1.50 + 100 x 7.50 = 6,750 per 1M if no cache hit came.
    expect(projection.calls).toBe(20);
    expect(costOfCall(callUsage, doubled)).toBeCloseTo(0.0027, 10);
    expect(projection.costUsd).toBeCloseTo(20 * 0.0027, 10);
    expect(costOfCall(uncachedUsage(callUsage), doubled)).toBeCloseTo(0.00675, 10);
    expect(projection.uncachedCostUsd).toBeCloseTo(20 * 0.00675, 10);
  });

  it('should refuse a model without a list price, naming --prices', async () => {
    const options = { ...optionsFor(join(tmpdir(), 'never-written')), models: projecting('gemini-9-ultra') };
    await expect(projectGeneration(options)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^--dry-run needs the list prices of gemini-9-ultra.*--prices FILE/),
    });
  });
});
