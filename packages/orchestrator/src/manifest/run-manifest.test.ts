import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGeneration } from '../run-generation.js';
import type { RunGenerationOptions } from '../run-types.js';
import { shardOf } from '../shard.js';
import { loadPromptsAndCatalog } from '../testing/dummy-fixtures.js';
import { simulatedRunOptions } from '../testing/simulated-run-options.js';
import { manifestFile, RunManifestSchema } from './run-manifest.js';

let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;
beforeAll(async () => {
  fixtures = await loadPromptsAndCatalog();
});

function run(outputDir: string, overrides: Partial<RunGenerationOptions> = {}) {
  const manifest = {
    settings: { temperature: 0.7 },
    runOptions: { concurrency: 1 },
    versions: { '@tp2dg/cli': '1.2.3' },
  };
  return runGeneration(simulatedRunOptions(fixtures, outputDir, { manifest, ...overrides }));
}

const readManifest = async (file: string) =>
  RunManifestSchema.parse(JSON.parse(await readFile(file, 'utf8')));
const temporaryDirectory = () => mkdtemp(join(tmpdir(), 'tp2dg-manifest-'));

async function sessionIds(corpusRoot: string): Promise<string[]> {
  const entries = await readdir(corpusRoot, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('session.json'))
    .map((entry) => decodeURIComponent(entry.split('/').at(-2) ?? ''))
    .sort();
}

describe('the run manifest', () => {
  it('should record settings, options and versions, and keep its creation time on resume', async () => {
    const outputDir = await temporaryDirectory();
    const first = await run(outputDir, { sessions: 1 });
    const file = manifestFile(first.corpusRoot, undefined);
    const created = await readManifest(file);
    expect(created.settings).toMatchObject({
      provider: 'simulated',
      seed: 42,
      source: 'reference',
      temperature: 0.7,
      language: 'English',
      listener_lyrics: false,
    });
    expect(created.settings.prompts_hash).toBe(fixtures.prompts.hash);
    expect(created).toMatchObject({ run_options: { concurrency: 1 }, versions: { '@tp2dg/cli': '1.2.3' } });
    await run(outputDir, { sessions: 2, manifest: { ...created, runOptions: { concurrency: 4 } } });
    const resumed = await readManifest(file);
    expect(resumed.created_at).toBe(created.created_at);
    expect(resumed.run_options).toEqual({ concurrency: 4 });
    expect(resumed.forced_changes).toEqual([]);
  });

  it('should refuse a changed setting before paying for anything, naming it and the ways out', async () => {
    const outputDir = await temporaryDirectory();
    const first = await run(outputDir, { sessions: 1 });
    const outcome = run(outputDir, {
      manifest: { settings: { temperature: 1 }, runOptions: {}, versions: {} },
    });
    await expect(outcome).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/temperature 0\.7, this command has 1\. .*--fresh.*--force/),
    });
    expect(await sessionIds(first.corpusRoot)).toHaveLength(1);
  });

  it('should take a setting the manifest does not know, from a later version, as no change', async () => {
    const outputDir = await temporaryDirectory();
    const first = await run(outputDir, { sessions: 1 });
    const file = manifestFile(first.corpusRoot, undefined);
    const written = await readManifest(file);
    const { keep_short: _added, ...olderSettings } = written.settings;
    await writeFile(file, JSON.stringify({ ...written, settings: olderSettings }));
    const resumed = await run(outputDir, { sessions: 2 });
    expect(resumed).toMatchObject({ existing: 1, written: 1 });
    const manifest = await readManifest(file);
    expect(manifest.settings.keep_short).toBe(false);
    expect(manifest.forced_changes).toEqual([]);
  });

  it('should mix settings when forced, keep what was made, and record the change', async () => {
    const outputDir = await temporaryDirectory();
    const first = await run(outputDir, { sessions: 1 });
    const forced = await run(outputDir, { sessions: 2, seed: 7, force: true });
    expect(forced).toMatchObject({ existing: 1, written: 1 });
    const manifest = await readManifest(manifestFile(first.corpusRoot, undefined));
    expect(manifest.forced_changes).toEqual([{ at: manifest.updated_at, setting: 'seed', from: 42, to: 7 }]);
  });

  it('should start over with --fresh', async () => {
    const outputDir = await temporaryDirectory();
    await run(outputDir, { sessions: 2 });
    const fresh = await run(outputDir, { sessions: 1, seed: 7, fresh: true });
    expect(fresh).toMatchObject({ existing: 0, written: 1 });
    expect(await sessionIds(fresh.corpusRoot)).toHaveLength(1);
    expect((await readManifest(manifestFile(fresh.corpusRoot, undefined))).settings.seed).toBe(7);
  });

  it("should start only its own part over when --fresh comes with a shard, and keep the others'", async () => {
    const outputDir = await temporaryDirectory();
    const shards = [1, 2].map((index) => ({ index, count: 2 }));
    for (const shard of shards) await run(outputDir, { shard });
    const [first, second] = shards;
    const again = await run(outputDir, { shard: first, fresh: true });
    expect(again.existing).toBe(0);
    const ids = await sessionIds(again.corpusRoot);
    expect(ids).toHaveLength(8);
    expect(existsSync(manifestFile(again.corpusRoot, second))).toBe(true);
    expect(ids.filter((id) => shardOf(id, 2) === 2).length).toBeGreaterThan(0);
  });
});
