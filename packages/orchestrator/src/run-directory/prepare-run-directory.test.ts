import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataLoaderPluginV1, referenceDataLoader } from '@tp2dg/data-loaders';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runGeneration } from '../run-generation.js';
import type { RunEvent, RunGenerationOptions } from '../run-types.js';
import { shardOf } from '../shard.js';
import { loadPromptsAndCatalog } from '../testing/dummy-fixtures.js';
import { simulatedRunOptions } from '../testing/simulated-run-options.js';

let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;
beforeAll(async () => {
  fixtures = await loadPromptsAndCatalog();
});
const folders: string[] = [];
afterEach(() => Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true }))));

async function options(overrides: Partial<RunGenerationOptions> = {}): Promise<RunGenerationOptions> {
  const outputDir = await mkdtemp(join(tmpdir(), 'tp2dg-prepare-'));
  folders.push(outputDir);
  return simulatedRunOptions(fixtures, outputDir, { sessions: 2, ...overrides });
}

const lockOf = (run: RunGenerationOptions) => join(run.outputDir, 'simulated', 'dummy', '.run.lock');

describe('the run lock of runGeneration', () => {
  it('should hold the lock while the run writes, and release it when the run ends or is refused', async () => {
    const first = await options();
    const heldAtEachWrite: boolean[] = [];
    await runGeneration({
      ...first,
      onEvent: (event) => {
        if (event.type === 'session-written') heldAtEachWrite.push(existsSync(lockOf(first)));
      },
    });
    expect(heldAtEachWrite).toEqual([true, true]);
    expect(existsSync(lockOf(first))).toBe(false);

    await expect(runGeneration({ ...first, seed: 7 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(existsSync(lockOf(first))).toBe(false);
  });

  it('should release the lock when the run is aborted', async () => {
    const abort = new AbortController();
    const run = await options({ signal: abort.signal, sessions: 4 });
    const outcome = runGeneration({
      ...run,
      onEvent: (event) => {
        if (event.type === 'session-written') abort.abort();
      },
    });
    await expect(outcome).rejects.toMatchObject({ code: 'ABORTED' });
    expect(existsSync(lockOf(run))).toBe(false);
  });

  it('should refuse a second run on the same run directory at once, and let the first finish', async () => {
    const run = await options();
    let second: Promise<unknown> | undefined;
    // The first run's calls wait for the second run to be settled, so it holds the lock meanwhile.
    const waitForSecond = () =>
      second?.then(
        () => undefined,
        () => undefined,
      );
    const first = runGeneration({
      ...run,
      models: {
        ...run.models,
        forSession: (session) => {
          const model = run.models.forSession(session);
          const generate: typeof model.generate = async (request) => {
            await waitForSecond();
            return model.generate(request);
          };
          return { ...model, generate };
        },
      },
      onEvent: (event) => {
        if (event.type === 'run-started') second = runGeneration(run);
      },
    });
    expect(await first).toMatchObject({ written: 2 });
    await expect(second).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(
        `${lockOf(run)}: another run is writing to this run directory (pid ${process.pid}`,
      ),
    });
  });
});

describe('--fresh with a shard', () => {
  it("should read the shard's sessions without reporting the loader's skips twice", async () => {
    const shard = { index: 1, count: 2 };
    const skipped = ['skip-a', 'skip-b', 'skip-c', 'skip-d'].find((id) => shardOf(id, 2) === 1) ?? '';
    // The reference loader, reporting one session it passed over on each reading.
    const skipping: DataLoaderPluginV1 = {
      ...referenceDataLoader,
      async create(loaderOptions) {
        const loader = await referenceDataLoader.create(loaderOptions);
        return {
          ...loader,
          async *sessions() {
            loaderOptions.onSkip?.({ sessionId: skipped, reason: 'no tracks' });
            yield* loader.sessions();
          },
        };
      },
    };
    const run = await options({ plugin: skipping, shard });
    await runGeneration(run);
    const events: RunEvent[] = [];
    await runGeneration({ ...run, fresh: true, onEvent: (event) => events.push(event) });
    const failureLog = join(run.outputDir, 'simulated', 'dummy', 'failures-shard-1-of-2.jsonl');
    const lines = (await readFile(failureLog, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).session_id)).toEqual([skipped]);
    expect(events.filter((event) => event.type === 'session-skipped')).toHaveLength(1);
  });
});
