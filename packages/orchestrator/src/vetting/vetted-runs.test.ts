import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataLoaderPluginV1 } from '@tp2dg/data-loaders';
import type { Session } from '@tp2dg/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectGeneration } from '../project-generation.js';
import { runGeneration } from '../run-generation.js';
import type { RunEvent } from '../run-types.js';
import { loadDummySessions, loadPromptsAndCatalog } from '../testing/dummy-fixtures.js';
import { simulatedRunOptions } from '../testing/simulated-run-options.js';

let fixtures: Awaited<ReturnType<typeof loadPromptsAndCatalog>>;
let sessions: Session[];
const folders: string[] = [];
beforeAll(async () => {
  [fixtures, sessions] = await Promise.all([loadPromptsAndCatalog(), loadDummySessions()]);
});
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function temporaryDirectory(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tp2dg-vetted-'));
  folders.push(folder);
  return folder;
}

/** A third-party loader: it only yields sessions, and checks nothing of their media or text. */
function pluginYielding(yielded: Session[]): DataLoaderPluginV1 {
  return {
    specificationVersion: 'v1',
    name: 'third-party',
    create: () => ({
      specificationVersion: 'v1',
      id: 'third-party',
      corpus: 'third-party',
      async *sessions() {
        yield* structuredClone(yielded);
      },
    }),
  };
}

const optionsFor = (outputDir: string, yielded: Session[]) =>
  simulatedRunOptions(fixtures, outputDir, {
    plugin: pluginYielding(yielded),
    loaderOptions: { profileSize: 5 },
  });

describe('runs vet the sessions of any loader', () => {
  it('should stop a run and its dry run at an empty clip from a third-party loader, before its session is generated', async () => {
    const empty = join(await temporaryDirectory(), 'empty.wav');
    await writeFile(empty, '');
    const [first, ...rest] = sessions as [Session, ...Session[]];
    const spoiled = {
      ...first,
      pool_tracks: first.pool_tracks.map((track) => ({ ...track, audio_path: empty })),
    };
    const outputDir = await temporaryDirectory();
    const expected = {
      code: 'INVALID_INPUT',
      message: expect.stringContaining(`${empty} (audio_path of track`),
    };
    await expect(projectGeneration(optionsFor(outputDir, [spoiled, ...rest]))).rejects.toMatchObject(
      expected,
    );
    await expect(runGeneration(optionsFor(outputDir, [spoiled, ...rest]))).rejects.toMatchObject(expected);
    const corpusRoot = join(outputDir, 'simulated', 'third-party');
    expect((await readdir(corpusRoot)).filter((name) => name !== 'run-manifest.json')).toEqual([]);
  });

  it('should count the text fields it cuts in the report and the projection, and warn of each', async () => {
    const [first, ...rest] = sessions as [Session, ...Session[]];
    const long = { ...first, user: { ...first.user, country: 'C'.repeat(5000) } };
    const events: RunEvent[] = [];
    const outputDir = await temporaryDirectory();
    const projection = await projectGeneration(optionsFor(outputDir, [long, ...rest]));
    const report = await runGeneration({
      ...optionsFor(outputDir, [long, ...rest]),
      onEvent: (event) => events.push(event),
    });
    expect(projection.textFieldsCut).toBe(1);
    expect(report).toMatchObject({ written: 8, textFieldsCut: 1 });
    expect(events.filter((event) => event.type === 'warning')).toEqual([
      {
        type: 'warning',
        message: `session ${JSON.stringify(first.session_id)}: user ${JSON.stringify(first.user.user_id)}: country cut from 5,000 to 4,000 characters (--max-text-chars)`,
      },
    ]);
    expect(
      existsSync(join(outputDir, 'simulated', 'third-party', first.user.user_id, first.session_id)),
    ).toBe(true);
  });
});
