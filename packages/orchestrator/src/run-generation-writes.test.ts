import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSimulatedModel } from '@tp2dg/agents';
import { Tp2dgError } from '@tp2dg/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalFile } from './output-paths.js';
import { runGeneration } from './run-generation.js';
import type { ModelFactory, RunEvent, RunGenerationOptions } from './run-types.js';
import { loadPromptsAndCatalog } from './testing/dummy-fixtures.js';
import { simulatedRunOptions } from './testing/simulated-run-options.js';

const FAILING_SESSION = 'u02__2019-01-14';

let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;
const folders: string[] = [];
beforeAll(async () => {
  fixtures = await loadPromptsAndCatalog();
});
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function temporaryDirectory(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tp2dg-run-writes-'));
  folders.push(folder);
  return folder;
}

/**
 * Simulated answers under another provider's name, so they are journaled as a paid
 * service's would be; `beforeCall` runs before each call of the session it is given for.
 */
function journaledModels(beforeCall?: { sessionId: string; run: () => Promise<void> }): ModelFactory {
  return {
    provider: 'journaled',
    model: 'journaled',
    capabilities: { freeAndDeterministic: false },
    forSession: (session) => {
      const model = createSimulatedModel({ session, seed: 42, catalog: fixtures.catalog, turns: 2 });
      return {
        ...model,
        provider: 'journaled',
        generate: async (request) => {
          if (session.session_id === beforeCall?.sessionId) await beforeCall.run();
          return model.generate(request);
        },
      };
    },
  };
}

function runInto(outputDir: string, overrides: Partial<RunGenerationOptions> = {}) {
  const events: RunEvent[] = [];
  const outcome = runGeneration(
    simulatedRunOptions(fixtures, outputDir, {
      models: journaledModels(),
      turns: 2,
      onEvent: (event) => events.push(event),
      ...overrides,
    }),
  );
  return { outcome, events };
}

const corpusRootOf = (outputDir: string) => join(outputDir, 'journaled', 'dummy');

describe('runGeneration and write errors', () => {
  it('should stop the run on a journal that cannot be written during a model call, never as a model failure', async () => {
    const outputDir = await temporaryDirectory();
    const journal = journalFile(corpusRootOf(outputDir), 'u02', FAILING_SESSION);
    // The answer arrives, but a file now stands where the journal's folder should be.
    const blockJournal = async () => {
      await mkdir(dirname(dirname(journal)), { recursive: true });
      await writeFile(dirname(journal), 'in the way');
    };
    const { outcome, events } = runInto(outputDir, {
      models: journaledModels({ sessionId: FAILING_SESSION, run: blockJournal }),
    });
    const error = await outcome.catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('OUTPUT_WRITE');
    expect((error as Error).message).toMatch(
      /^\S+\.jsonl: a file stands where a folder of this path should be/,
    );
    expect((error as Error).message).toContain(journal);
    expect(events.map((event) => event.type)).not.toContain('session-failed');
    expect(existsSync(join(corpusRootOf(outputDir), 'failures.jsonl'))).toBe(false);
  });

  it('should stop the run when the failure log cannot be written, instead of counting the failure', async () => {
    const outputDir = await temporaryDirectory();
    await mkdir(join(corpusRootOf(outputDir), 'failures.jsonl'), { recursive: true });
    const serviceDown = async () => {
      throw new Tp2dgError('MODEL_API', 'HTTP 503 after 5 attempts');
    };
    const { outcome } = runInto(outputDir, {
      models: journaledModels({ sessionId: FAILING_SESSION, run: serviceDown }),
    });
    await expect(outcome).rejects.toMatchObject({
      code: 'OUTPUT_WRITE',
      message: expect.stringContaining('failures.jsonl: a folder stands where this file should be (EISDIR)'),
    });
  });

  it('should warn of a journal line cut short, ask its call again, and finish the session', async () => {
    const outputDir = await temporaryDirectory();
    const journal = journalFile(corpusRootOf(outputDir), 'u02', FAILING_SESSION);
    await mkdir(dirname(journal), { recursive: true });
    await writeFile(journal, '{"key":"0f1e","agent":"profile","tu');
    const { outcome, events } = runInto(outputDir);
    const report = await outcome;
    expect(report.written).toBe(8);
    expect(events).toContainEqual({
      type: 'warning',
      message: `${journal}:1 was cut short (a kill or a full disk during its write) and is skipped: the call it answered is asked again.`,
    });
    expect(existsSync(journal)).toBe(false);
  });

  it('should report an output folder that cannot be made as one OUTPUT_WRITE error, writing nothing', async () => {
    const parent = await temporaryDirectory();
    const blocker = join(parent, 'a-file');
    await writeFile(blocker, 'not a folder');
    const { outcome, events } = runInto(join(blocker, 'out'));
    const error = await outcome.catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('OUTPUT_WRITE');
    expect((error as Error).message).toContain(
      `${join(blocker, 'out', 'journaled', 'dummy')}: a file stands where a folder of this path should be (ENOTDIR)`,
    );
    expect(events).toEqual([]);
    expect(await readdir(parent)).toEqual(['a-file']);
  });
});
