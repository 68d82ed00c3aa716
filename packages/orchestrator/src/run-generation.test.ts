import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedModel } from '@tp2dg/agents';
import { type DataLoaderPluginV1, referenceDataLoader } from '@tp2dg/data-loaders';
import {
  addUsage,
  CallRecordSchema,
  ChatFileSchema,
  ConversationGoalFileSchema,
  costOfCall,
  FailureRecordSchema,
  type ModelPort,
  ProfilingFileSchema,
  priceOf,
  type Session,
  SessionFileSchema,
  Tp2dgError,
  ZERO_USAGE,
} from '@tp2dg/entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { manifestFile } from './manifest/run-manifest.js';
import { runGeneration } from './run-generation.js';
import type { ModelFactory, RunEvent, RunGenerationOptions } from './run-types.js';
import { TEST_PRICES } from './test-prices.js';
import { DUMMY_DATA_DIR, loadDummySessions, loadPromptsAndCatalog } from './testing/dummy-fixtures.js';
import { simulatedRunOptions } from './testing/simulated-run-options.js';

let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;
beforeAll(async () => {
  fixtures = await loadPromptsAndCatalog();
});

function simulatedModels(
  seed: number,
  failing = new Set<string>(),
  failure = new Tp2dgError('MODEL_API', 'HTTP 503 after 5 attempts'),
): ModelFactory {
  return {
    provider: 'simulated',
    model: 'simulated',
    capabilities: { freeAndDeterministic: true },
    forSession: (session) => {
      const model = createSimulatedModel({ session, seed, catalog: fixtures.catalog, turns: 8 });
      if (!failing.has(session.session_id)) return model;
      return {
        ...model,
        generate: async () => Promise.reject(failure),
      };
    },
  };
}

async function optionsFor(outputDir: string): Promise<RunGenerationOptions> {
  return simulatedRunOptions(fixtures, outputDir, { models: simulatedModels(42), prices: TEST_PRICES });
}

/** The simulated backend under a Gemini model's name: its estimated usage is billed like Gemini's. */
function simulatedUnder(model: string): ModelFactory {
  return {
    provider: 'gemini',
    model,
    capabilities: { freeAndDeterministic: false },
    forSession: (session) => ({
      ...createSimulatedModel({ session, seed: 42, catalog: fixtures.catalog, turns: 8 }),
      provider: 'gemini',
      model,
    }),
  };
}

async function run(outputDir: string, overrides: Partial<RunGenerationOptions> = {}) {
  return runGeneration({ ...(await optionsFor(outputDir)), ...overrides });
}

async function sessionFolders(corpusRoot: string): Promise<string[]> {
  const users = (await readdir(corpusRoot, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  const folders = await Promise.all(
    users.map(async (user) =>
      (await readdir(join(corpusRoot, user.name))).map((name) => join(corpusRoot, user.name, name)),
    ),
  );
  return folders.flat().sort();
}

const temporaryDirectory = () => mkdtemp(join(tmpdir(), 'tp2dg-run-'));

describe('runGeneration', () => {
  it('should write every bundled session in the reference layout, each file valid', async () => {
    const outputDir = await temporaryDirectory();
    const report = await run(outputDir);
    expect(report.corpusRoot).toBe(join(outputDir, 'simulated', 'dummy'));
    expect(report).toMatchObject({ written: 8, failed: 0, existing: 0, skipped: 0, calls: 160 });
    const folders = await sessionFolders(report.corpusRoot);
    expect(folders).toHaveLength(8);
    for (const folder of folders) {
      expect((await readdir(folder)).sort()).toEqual([
        'calls.jsonl',
        'chat.json',
        'conversation_goal.json',
        'profiling.json',
        'session.json',
      ]);
      const read = async (name: string) => JSON.parse(await readFile(join(folder, name), 'utf8'));
      // Every file says it is simulated, each turn and call too: none can be taken for LLM output.
      const simulated = { provider: 'simulated', simulated: true };
      expect(ProfilingFileSchema.parse(await read('profiling.json'))).toMatchObject(simulated);
      expect(ConversationGoalFileSchema.parse(await read('conversation_goal.json'))).toMatchObject(simulated);
      const chat = ChatFileSchema.parse(await read('chat.json'));
      expect(chat).toHaveLength(8);
      for (const turn of chat) expect(turn).toMatchObject(simulated);
      const session = SessionFileSchema.parse(await read('session.json'));
      expect(session).toMatchObject(simulated);
      expect(session.provenance.provider).toBe('simulated');
      expect(session.liked_tracks[0]?.audio_path).toMatch(/^audio\//);
      const calls = (await readFile(join(folder, 'calls.jsonl'), 'utf8')).trim().split('\n');
      const records = calls.map((line) => CallRecordSchema.parse(JSON.parse(line)));
      expect(records).toHaveLength(20);
      for (const record of records) expect(record).toMatchObject(simulated);
    }
  });

  it("should save the published rows' fields, and report the pool sizes of what it wrote", async () => {
    const outputDir = await temporaryDirectory();
    const report = await run(outputDir, { language: 'German', listenerLyrics: true });
    const sessions = await loadDummySessions();
    const pools = sessions.map((session) => session.pool_tracks.length);
    expect(report.poolSizes).toEqual({
      min: Math.min(...pools),
      max: Math.max(...pools),
      mean: pools.reduce((sum, size) => sum + size, 0) / pools.length,
    });
    for (const folder of await sessionFolders(report.corpusRoot)) {
      const read = async (name: string) => JSON.parse(await readFile(join(folder, name), 'utf8'));
      const saved = SessionFileSchema.parse(await read('session.json'));
      const loaded = sessions.find((session) => session.session_id === saved.session_id) as Session;
      expect(saved.session_date).toBe(loaded.session_date);
      expect(saved.session_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(saved.provenance).toMatchObject({ language: 'German', listener_lyrics: true });
      const { user } = ProfilingFileSchema.parse(await read('profiling.json'));
      expect(user).toMatchObject({ age: loaded.user.age, country_name: loaded.user.country_name });
      expect(user.country_name).not.toBeNull();
      // The bundled users all state their language: a stated one is kept, whatever the chat's.
      expect(user.preferred_language).toBe(loaded.user.preferred_language);
      expect(saved.profile.preferred_language).toBe(loaded.user.preferred_language);
      expect((await read('conversation_goal.json')).goal.category).toEqual(expect.any(String));
    }
  });

  it('should give byte-identical chats for the same seed and different ones for another', async () => {
    const [first, second, other] = await Promise.all([
      temporaryDirectory(),
      temporaryDirectory(),
      temporaryDirectory(),
    ]);
    const chats = async (outputDir: string, seed: number) => {
      const report = await run(outputDir, { seed, models: simulatedModels(seed) });
      return Promise.all(
        (await sessionFolders(report.corpusRoot)).map((folder) =>
          readFile(join(folder, 'chat.json'), 'utf8'),
        ),
      );
    };
    const [a, b, c] = await Promise.all([chats(first, 42), chats(second, 42), chats(other, 43)]);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('should save media paths relative to the corpus even when --data goes through a symlink', async () => {
    const outputDir = await temporaryDirectory();
    const linked = join(outputDir, 'linked-corpus');
    await symlink(DUMMY_DATA_DIR, linked);
    const report = await run(outputDir, { sessions: 1, loaderOptions: { dataDir: linked, profileSize: 5 } });
    const [folder] = await sessionFolders(report.corpusRoot);
    const saved = await readFile(join(folder as string, 'session.json'), 'utf8');
    expect(SessionFileSchema.parse(JSON.parse(saved)).pool_tracks[0]?.image_path).toMatch(/^images\//);
    expect(saved).not.toContain(DUMMY_DATA_DIR);
  });

  it('should announce how many sessions it will take, and report each written one with its usage', async () => {
    const events: RunEvent[] = [];
    await run(await temporaryDirectory(), { sessions: 3, onEvent: (event) => events.push(event) });
    expect(events[0]).toEqual({ type: 'run-started', total: 3 });
    const written = events.filter((event) => event.type === 'session-written');
    expect(written).toHaveLength(3);
    for (const event of written) {
      expect(event.model).toBe('simulated');
      expect(event.usage.text_input).toBeGreaterThan(0);
      // Simulated calls are not billed: no price is needed, and none is made up.
      expect(event.costUsd).toBe(0);
    }
  });

  it('should keep finished sessions on a second run and generate only what is missing', async () => {
    const outputDir = await temporaryDirectory();
    const firstRun = await run(outputDir, { sessions: 3 });
    expect(firstRun.written).toBe(3);
    const secondRun = await run(outputDir);
    expect(secondRun).toMatchObject({ written: 5, existing: 3, calls: 100 });
  });

  it('should record a failed session with its reason, leave no folder for it, and go on', async () => {
    const outputDir = await temporaryDirectory();
    const report = await run(outputDir, { models: simulatedModels(42, new Set(['u02__2019-01-14'])) });
    expect(report).toMatchObject({ written: 7, failed: 1 });
    const failures = (await readFile(join(report.corpusRoot, 'failures.jsonl'), 'utf8')).trim().split('\n');
    const record = FailureRecordSchema.parse(JSON.parse(failures[0] as string));
    expect(record).toMatchObject({ session_id: 'u02__2019-01-14', stage: 'generate', code: 'MODEL_API' });
    expect(record.reason).toContain('HTTP 503');
    expect(existsSync(join(report.corpusRoot, 'u02', 'u02__2019-01-14'))).toBe(false);
    const leftovers = (await readdir(join(report.corpusRoot, 'u02'))).filter((name) => name.startsWith('.'));
    expect(leftovers).toEqual([]);
  });

  it('should close the model of every conversation once it ends, written or failed', async () => {
    const outputDir = await temporaryDirectory();
    const failing = 'u02__2019-01-14';
    const closed: string[] = [];
    // A billed provider, so each call also goes through the journal and the meter.
    const billed = simulatedUnder('gemini-3.5-flash-lite');
    const models: ModelFactory = {
      ...billed,
      forSession: (session) => {
        const model = billed.forSession(session);
        return {
          ...model,
          generate:
            session.session_id === failing
              ? () => Promise.reject(new Tp2dgError('MODEL_API', 'HTTP 503 after 5 attempts'))
              : model.generate,
          close: async () => {
            closed.push(session.session_id);
          },
        };
      },
    };
    const report = await run(outputDir, { models, concurrency: 3 });
    expect(report).toMatchObject({ written: 7, failed: 1 });
    expect(closed).toHaveLength(8);
    expect(new Set(closed).size).toBe(8);
    expect(closed).toContain(failing);
  });

  it('should stop the whole run when the service does not serve the model', async () => {
    const outputDir = await temporaryDirectory();
    const missing = new Tp2dgError(
      'MODEL_NOT_FOUND',
      'HTTP 404 NOT_FOUND: models/gemini-2.5-flash is not found',
    );
    const models = simulatedModels(42, new Set(['u01__2019-01-07']), missing);
    const run = runGeneration({ ...(await optionsFor(outputDir)), models });
    await expect(run).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' });
    expect(existsSync(join(outputDir, 'simulated', 'dummy', 'failures.jsonl'))).toBe(false);
  });

  it('should stop the whole run when the service refuses the API key', async () => {
    const outputDir = await temporaryDirectory();
    const refused = new Tp2dgError('MODEL_AUTH', 'HTTP 400: API key not valid');
    const models = simulatedModels(42, new Set(['u03__2019-01-27']), refused);
    const events: string[] = [];
    const run = runGeneration({
      ...(await optionsFor(outputDir)),
      models,
      onEvent: (event) => events.push(event.type),
    });
    await expect(run).rejects.toMatchObject({ code: 'MODEL_AUTH' });
    expect(events).toEqual(['run-started', 'session-written', 'session-written']);
    expect(existsSync(join(outputDir, 'simulated', 'dummy', 'failures.jsonl'))).toBe(false);
  });

  it('should give the same chats with several sessions at a time, and honour the session limit', async () => {
    const [sequential, concurrent, limited] = await Promise.all([
      temporaryDirectory(),
      temporaryDirectory(),
      temporaryDirectory(),
    ]);
    const chats = async (outputDir: string, concurrency: number) => {
      const report = await run(outputDir, { concurrency });
      expect(report.written).toBe(8);
      return Promise.all(
        (await sessionFolders(report.corpusRoot)).map((folder) =>
          readFile(join(folder, 'chat.json'), 'utf8'),
        ),
      );
    };
    expect(await chats(concurrent, 4)).toEqual(await chats(sequential, 1));
    expect((await run(limited, { concurrency: 4, sessions: 3 })).written).toBe(3);
  });

  it('should stop after the given number of failed sessions in a row', async () => {
    const outputDir = await temporaryDirectory();
    const everySession = new Set([
      'u01__2019-01-07',
      'u02__2019-01-14',
      'u03__2019-01-27',
      'u04__2019-02-07',
    ]);
    const outcome = run(outputDir, { models: simulatedModels(42, everySession), maxConsecutiveFailures: 3 });
    await expect(outcome).rejects.toThrow('3 sessions in a row failed');
    const failures = await readFile(join(outputDir, 'simulated', 'dummy', 'failures.jsonl'), 'utf8');
    expect(failures.trim().split('\n')).toHaveLength(3);
  });

  it('should refuse to resume into a folder generated with other settings, even without a manifest', async () => {
    const outputDir = await temporaryDirectory();
    const first = await run(outputDir, { sessions: 1 });
    await rm(manifestFile(first.corpusRoot, undefined));
    const outcome = run(outputDir, { sessions: 1, seed: 43, models: simulatedModels(43) });
    await expect(outcome).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('seed 42, this run has 43'),
    });
  });

  it('should stop on a loader error met mid-corpus, after the sessions in flight, and close the loader', async () => {
    const outputDir = await temporaryDirectory();
    const bundled = await referenceDataLoader.create({ dataDir: DUMMY_DATA_DIR, profileSize: 5 });
    let closed = false;
    const plugin: DataLoaderPluginV1 = {
      specificationVersion: 'v1',
      name: 'breaks-at-three',
      create: () => ({
        specificationVersion: 'v1',
        id: 'breaks-at-three',
        corpus: 'dummy',
        async *sessions() {
          let index = 0;
          for await (const session of bundled.sessions()) {
            if (index === 2)
              throw new Tp2dgError('INVALID_INPUT', 'corpus.jsonl: line 3 is not JSON. Fix the line.');
            index += 1;
            yield session;
          }
        },
        close: async () => {
          closed = true;
        },
      }),
    };
    // The second session is slow: it is still in flight when the corpus error comes.
    const slow = (session: Session) => {
      const model = createSimulatedModel({ session, seed: 42, catalog: fixtures.catalog, turns: 8 });
      if (session.session_id !== 'u02__2019-01-14') return model;
      const delayed: ModelPort['generate'] = async (request) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return model.generate(request);
      };
      return { ...model, generate: delayed };
    };
    const models: ModelFactory = {
      provider: 'simulated',
      model: 'simulated',
      capabilities: { freeAndDeterministic: true },
      forSession: slow,
    };
    const outcome = run(outputDir, { plugin, models, concurrency: 2 });
    await expect(outcome).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(closed).toBe(true);
    expect(await sessionFolders(join(outputDir, 'simulated', 'dummy'))).toHaveLength(2);
  });

  it('should read no session beyond --sessions, however many workers wait', async () => {
    let pulled = 0;
    const plugin: DataLoaderPluginV1 = {
      ...referenceDataLoader,
      create: async (loaderOptions) => {
        const loader = await referenceDataLoader.create(loaderOptions);
        return {
          ...loader,
          async *sessions() {
            for await (const session of loader.sessions()) {
              pulled += 1;
              yield session;
            }
          },
        };
      },
    };
    const report = await run(await temporaryDirectory(), { plugin, sessions: 3, concurrency: 8 });
    expect(report.written).toBe(3);
    expect(pulled).toBe(3);
  });

  it('should stop before paying for a session whose folder is taken by something else', async () => {
    const outputDir = await temporaryDirectory();
    const inTheWay = join(outputDir, 'simulated', 'dummy', 'u01', 'u01__2019-01-07');
    await mkdir(inTheWay, { recursive: true });
    await writeFile(join(inTheWay, 'notes.txt'), 'not a session');
    const events: string[] = [];
    const outcome = run(outputDir, { onEvent: (event) => events.push(event.type) });
    await expect(outcome).rejects.toMatchObject({
      code: 'OUTPUT_WRITE',
      message: expect.stringContaining('in the way'),
    });
    expect(events).toEqual(['run-started']);
  });

  it('should refuse to resume from other profiling and pool tracks, even without a manifest', async () => {
    const outputDir = await temporaryDirectory();
    const first = await run(outputDir, { sessions: 1 });
    await rm(manifestFile(first.corpusRoot, undefined));
    const outcome = run(outputDir, {
      sessions: 1,
      loaderOptions: { dataDir: DUMMY_DATA_DIR, profileSize: 4 },
    });
    await expect(outcome).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('other profiling or pool tracks'),
    });
  });

  it('should start no conversation that would pass --max-cost, and say the budget stopped it', async () => {
    const priced = simulatedUnder('gemini-3.5-flash-lite');
    const probe = await run(await temporaryDirectory(), { models: priced, sessions: 1 });
    const oneConversation = probe.spentUsd;
    expect(oneConversation).toBeGreaterThan(0);
    const capped = await run(await temporaryDirectory(), {
      models: priced,
      concurrency: 4,
      maxCostUsd: oneConversation * 3.5,
    });
    const ceiling = oneConversation * 3.5;
    expect(capped.budgetReached).toBe(true);
    expect(capped.written).toBeLessThan(8);
    expect(capped.spentUsd).toBeLessThanOrEqual(ceiling);
    // One more conversation at the mean cost would have passed the ceiling.
    expect(capped.spentUsd + capped.spentUsd / capped.written).toBeGreaterThan(ceiling);
    const unlimited = await run(await temporaryDirectory(), { models: priced, concurrency: 4 });
    expect(unlimited).toMatchObject({ written: 8, budgetReached: false });
    // A generous ceiling with a session limit: the limit ends the run, not the budget.
    const limited = await run(await temporaryDirectory(), {
      models: priced,
      concurrency: 4,
      sessions: 3,
      maxCostUsd: 1000,
    });
    expect(limited).toMatchObject({ written: 3, budgetReached: false });
  });

  it('should refuse --max-cost for a model without a list price before anything is written', async () => {
    const unpriced = simulatedUnder('gemini-9-ultra');
    const outputDir = join(await temporaryDirectory(), 'out');
    const outcome = run(outputDir, { models: unpriced, maxCostUsd: 1 });
    await expect(outcome).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^--max-cost needs the list prices of gemini-9-ultra.*--prices FILE/),
    });
    expect(existsSync(outputDir)).toBe(false);
    // Without a ceiling it runs, and says each conversation's price is unknown rather than $0.
    const events: RunEvent[] = [];
    await run(outputDir, { models: unpriced, sessions: 1, onEvent: (event) => events.push(event) });
    expect(events.find((event) => event.type === 'session-written')).toMatchObject({ costUsd: null });
  });

  it('should price each written conversation at the list prices of its day, and date it', async () => {
    const events: RunEvent[] = [];
    const report = await run(await temporaryDirectory(), {
      models: simulatedUnder('gemini-3.8-flash'),
      sessions: 1,
      today: () => new Date('2027-01-01T00:00:00Z'),
      onEvent: (event) => events.push(event),
    });
    const written = events.find((event) => event.type === 'session-written');
    const doubled = priceOf('gemini-3.8-flash', TEST_PRICES, new Date('2027-01-01'));
    if (written?.type !== 'session-written' || doubled === undefined)
      throw new Error('one conversation, priced');
    // The 2027 prices, twice the 2026 ones: one tier, so the sum prices as the calls do.
    expect(written.costUsd).toBeCloseTo(costOfCall(written.usage, doubled), 10);
    expect(report.spentUsd).toBeCloseTo(written.costUsd ?? 0, 10);
    const session = SessionFileSchema.parse(
      JSON.parse(await readFile(join(written.folder, 'session.json'), 'utf8')),
    );
    expect(session.generated_at).toBe('2027-01-01T00:00:00.000Z');
  });

  it('should count what a failed session paid before it failed in the money spent', async () => {
    const flash = priceOf('gemini-3.5-flash-lite', TEST_PRICES);
    if (flash === undefined) throw new Error('flash-lite must be priced');
    let failedSessionUsage = ZERO_USAGE;
    const priced: ModelFactory = {
      provider: 'gemini',
      model: 'gemini-3.5-flash-lite',
      capabilities: { freeAndDeterministic: false },
      forSession: (session) => {
        const simulated = createSimulatedModel({ session, seed: 42, catalog: fixtures.catalog, turns: 8 });
        let calls = 0;
        return {
          provider: 'gemini',
          model: 'gemini-3.5-flash-lite',
          async generate(request) {
            calls += 1;
            if (session.session_id === 'u02__2019-01-14' && calls > 6)
              throw new Tp2dgError('MODEL_API', 'HTTP 503');
            const result = await simulated.generate(request);
            if (session.session_id === 'u02__2019-01-14')
              failedSessionUsage = addUsage(failedSessionUsage, result.usage);
            return result;
          },
        };
      },
    };
    const report = await run(await temporaryDirectory(), { models: priced, concurrency: 2 });
    expect(report).toMatchObject({ written: 7, failed: 1 });
    // One price tier for every call of this model: the sums can be priced whole.
    const written = costOfCall(report.usage, flash);
    expect(report.spentUsd).toBeCloseTo(written + costOfCall(failedSessionUsage, flash), 10);
    expect(costOfCall(failedSessionUsage, flash)).toBeGreaterThan(0);
  });
});
