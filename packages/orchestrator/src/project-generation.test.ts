import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedModel } from '@tp2dg/agents';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectGeneration } from './project-generation.js';
import { runGeneration } from './run-generation.js';
import type { ModelFactory } from './run-types.js';
import { loadPromptsAndCatalog } from './testing/dummy-fixtures.js';
import { simulatedRunOptions } from './testing/simulated-run-options.js';

let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;
beforeAll(async () => {
  fixtures = await loadPromptsAndCatalog();
});

const simulated = (): ModelFactory => ({
  provider: 'simulated',
  model: 'simulated',
  forSession: (session) => createSimulatedModel({ session, seed: 42, catalog: fixtures.catalog, turns: 8 }),
});

const optionsFor = (outputDir: string) => simulatedRunOptions(fixtures, outputDir, { models: simulated() });

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
});
