import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedModel } from '@tp2dg/agents';
import type { ModelPort } from '@tp2dg/entities';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runGeneration } from './run-generation.js';
import type { ModelFactory } from './run-types.js';
import { loadPromptsAndCatalog } from './testing/dummy-fixtures.js';
import { simulatedRunOptions } from './testing/simulated-run-options.js';

let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;
beforeAll(async () => {
  fixtures = await loadPromptsAndCatalog();
});
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Simulated models that count the calls in flight, each held over a few turns of the event loop. */
function countingModels() {
  const counts = { inFlight: 0, most: 0, calls: 0 };
  const models: ModelFactory = {
    provider: 'simulated',
    model: 'simulated',
    capabilities: { freeAndDeterministic: true },
    forSession(session): ModelPort {
      const model = createSimulatedModel({ session, seed: 42, catalog: fixtures.catalog, turns: 8 });
      return {
        ...model,
        async generate(request) {
          counts.inFlight += 1;
          counts.calls += 1;
          counts.most = Math.max(counts.most, counts.inFlight);
          try {
            for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
            return await model.generate(request);
          } finally {
            counts.inFlight -= 1;
          }
        },
      };
    },
  };
  return { models, counts };
}

describe('calls in flight during a run', () => {
  it('should keep at most --concurrency model calls in flight, and reach that many', async () => {
    for (const concurrency of [1, 3]) {
      const outputDir = await mkdtemp(join(tmpdir(), 'tp2dg-in-flight-'));
      folders.push(outputDir);
      const { models, counts } = countingModels();
      const report = await runGeneration(simulatedRunOptions(fixtures, outputDir, { models, concurrency }));
      expect(report.written).toBe(8);
      expect(counts.calls).toBe(report.calls);
      // Each conversation makes two calls at once twice: 2 x concurrency without the bound.
      expect(counts.most, `concurrency ${concurrency}`).toBe(concurrency);
    }
  });
});
