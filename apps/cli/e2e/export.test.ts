import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ChatFile } from '@tp2dg/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numExamples, readCard, readParquet } from './support/exported-dataset.js';
import {
  DUMMY,
  EXPORT,
  GENERATE,
  runNode,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';

let root: string;
/** A simulated run of the demo corpus: 8 conversations of 4 users. */
let run: string;
const corpusRoot = () => join(run, 'simulated', 'dummy');

beforeAll(async () => {
  root = await temporaryDirectory('export');
  run = join(root, 'run');
  const generated = await runNode(GENERATE, simulatedRunArgs(DUMMY, run));
  expect(generated.code, generated.stderr).toBe(0);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** `tp2dg-export` from `input` into a new folder under the test's root. */
async function exportRun(name: string, ...options: string[]) {
  const out = join(root, name);
  const result = await runNode(EXPORT, ['--input', run, '--out', out, ...options]);
  return { out, result };
}

type Entry = { role: string; content: string; thought: string; turn_number: number };

/**
 * The Music-CRS challenge's ground truth, as its evaluation extracts it: for turn n, the
 * entries of that turn are user, music, assistant; the second one's content is the track to
 * recommend and the third the reference response.
 */
function groundTruth(conversation: Entry[], turn: number): { trackId: string; response: string } {
  const entries = conversation.filter((entry) => entry.turn_number === turn);
  return { trackId: (entries[1] as Entry).content, response: (entries[2] as Entry).content };
}

describe('tp2dg-export of a simulated run with --allow-simulated', () => {
  const exported = () => exportRun('all-test', '--allow-simulated', '--test-ratio', '0', '--cold-ratio', '1');

  it("should give the Music-CRS extraction each turn's track and reply from the chats", async () => {
    const { out, result } = await exported();
    expect(result.code, result.stderr).toBe(0);
    const rows = await readParquet(join(out, 'data/conversations/test-00000-of-00001.parquet'));
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const chat: ChatFile = JSON.parse(
        await readFile(
          join(corpusRoot(), row.user_id as string, row.session_id as string, 'chat.json'),
          'utf8',
        ),
      );
      const conversation = row.conversations as Entry[];
      expect(conversation.map((entry) => entry.role)).toEqual(
        chat.flatMap(() => ['user', 'music', 'assistant']),
      );
      for (const turn of chat) {
        expect(groundTruth(conversation, turn.turn)).toEqual({
          trackId: turn.recsys.track?.track_id,
          response: turn.recsys.message,
        });
        expect(conversation.filter((entry) => entry.turn_number === turn.turn)[0]?.content).toBe(
          turn.listener.message,
        );
      }
    }
  });

  it('should warn in the card and mark every extra row as simulated, and count its rows in the card', async () => {
    const { out, result } = await exported();
    expect(result.stderr).toContain('8 exported conversation(s) are simulated');
    const card = await readCard(out);
    expect(card.body).toMatch(
      /> \[!WARNING\]\n> 8 of these 8 conversations were made by tp2dg's offline `simulated` backend/,
    );
    const extra = await readParquet(join(out, 'data/conversations_extra/test-00000-of-00001.parquet'));
    expect(extra.map((row) => row.simulated)).toEqual(Array(8).fill(true));
    expect(numExamples(card, 'conversations', 'test')).toBe(8);
    expect(numExamples(card, 'conversations', 'train')).toBeUndefined();
    const tracks = await readParquet(join(out, 'data/tracks/test-00000-of-00001.parquet'));
    expect(numExamples(card, 'tracks', 'test')).toBe(tracks.length);
    expect(new Set(tracks.map((track) => track.track_id)).size).toBe(tracks.length);
    // The demo corpus's clips are 3 s WAVs, still where the run read them.
    expect(new Set(tracks.map((track) => track.clip_seconds))).toEqual(new Set([3]));
    expect(card.header.license).toBe('mit');
    expect(card.body).toContain('demo corpus');
  });

  it('should write JSON lines with --format jsonl, as many as the card says', async () => {
    const { out, result } = await exportRun(
      'jsonl',
      '--allow-simulated',
      '--format',
      'jsonl',
      '--test-ratio',
      '0.5',
    );
    expect(result.code, result.stderr).toBe(0);
    const card = await readCard(out);
    for (const { config_name, data_files } of card.header.configs) {
      for (const { split, path } of data_files) {
        expect(path).toBe(`data/${config_name}/${split}-00000-of-00001.jsonl`);
        const lines = (await readFile(join(out, path), 'utf8')).trimEnd().split('\n');
        expect(lines.length).toBe(numExamples(card, config_name, split));
      }
    }
    const conversations =
      (numExamples(card, 'conversations', 'train') ?? 0) + (numExamples(card, 'conversations', 'test') ?? 0);
    expect(conversations).toBe(8);
  });
});

describe('tp2dg-export of a run saved with the fields of a later tp2dg', () => {
  /** A copy of the run whose files have `session_date` and the user's `age` and `country_name`. */
  async function datedRun(): Promise<string> {
    const dated = join(root, 'dated-run');
    await cp(run, dated, { recursive: true });
    for (const user of ['u01', 'u02', 'u03', 'u04']) {
      const userFolder = join(dated, 'simulated', 'dummy', user);
      for (const session of await readdir(userFolder)) {
        const sessionFile = join(userFolder, session, 'session.json');
        const saved = JSON.parse(await readFile(sessionFile, 'utf8'));
        const goal = { ...saved.goal, category: 'Named category' };
        await writeFile(
          sessionFile,
          JSON.stringify({ ...saved, goal, session_date: session.split('__')[1] }),
        );
        const profilingFile = join(userFolder, session, 'profiling.json');
        const profiling = JSON.parse(await readFile(profilingFile, 'utf8'));
        profiling.user = { ...profiling.user, age: 30, country_name: 'Somewhere' };
        await writeFile(profilingFile, JSON.stringify(profiling));
      }
    }
    return dated;
  }

  it('should read them into the published fields and split by date, the latest conversations in test', async () => {
    const dated = await datedRun();
    const out = join(root, 'by-date');
    const result = await runNode(EXPORT, [
      ...['--input', dated, '--out', out, '--allow-simulated', '--split-by', 'date', '--test-ratio', '0.25'],
    ]);
    expect(result.code, result.stderr).toBe(0);
    const train = await readParquet(join(out, 'data/conversations/train-00000-of-00001.parquet'));
    const test = await readParquet(join(out, 'data/conversations/test-00000-of-00001.parquet'));
    expect(test).toHaveLength(2);
    const latestTrain = train
      .map((row) => row.session_date as string)
      .sort()
      .at(-1) as string;
    for (const row of test) expect((row.session_date as string) > latestTrain).toBe(true);
    expect(test[0]?.user_profile).toMatchObject({ age: 30, country_name: 'Somewhere' });
    const extra = await readParquet(join(out, 'data/conversations_extra/test-00000-of-00001.parquet'));
    expect(extra.map((row) => row.goal_category_name)).toEqual(['Named category', 'Named category']);
  });

  it('should refuse --split-by date on a run without session_date, naming the session', async () => {
    // A run saved before session.json had `session_date`.
    const undated = join(root, 'undated-run');
    await cp(run, undated, { recursive: true });
    const userFolder = join(undated, 'simulated', 'dummy', 'u01');
    for (const session of await readdir(userFolder)) {
      const sessionFile = join(userFolder, session, 'session.json');
      const { session_date: _dropped, ...saved } = JSON.parse(await readFile(sessionFile, 'utf8'));
      await writeFile(sessionFile, JSON.stringify(saved));
    }
    const out = join(root, 'undated');
    const args = ['--input', undated, '--out', out, '--allow-simulated', '--split-by', 'date'];
    const result = await runNode(EXPORT, args);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/session\.json: session u0\d__[\d-]+ has no session_date/);
  });
});

describe('tp2dg-export refusals', () => {
  it('should export nothing from a simulated run without --allow-simulated, and say why in one line', async () => {
    const { out, result } = await exportRun('refused');
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('8 simulated');
    expect(result.stderr).toContain('--allow-simulated');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('should refuse a non-empty folder it did not write, unless --force, and replace its own', async () => {
    const out = join(root, 'foreign');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'notes.txt'), 'mine');
    const refused = await runNode(EXPORT, ['--input', run, '--out', out, '--allow-simulated']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^tp2dg-export: --out .*foreign is not empty .* --force/);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    const forced = await runNode(EXPORT, ['--input', run, '--out', out, '--allow-simulated', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['README.md', 'data']);
    const again = await runNode(EXPORT, ['--input', run, '--out', out, '--allow-simulated']);
    expect(again.code, again.stderr).toBe(0);
    // Nothing left beside it: the staging folder was renamed, the replaced dataset deleted.
    expect((await readdir(root)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('should stop on a chat.json it cannot read, naming the file and the session, and write nothing', async () => {
    const broken = join(root, 'broken-run');
    await cp(run, broken, { recursive: true });
    const chat = join(broken, 'simulated', 'dummy', 'u02', 'u02__2019-01-14', 'chat.json');
    await writeFile(chat, JSON.stringify([{ turn: 'one' }]));
    const out = join(root, 'from-broken');
    const result = await runNode(EXPORT, ['--input', broken, '--out', out, '--allow-simulated']);
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${chat}: session u02__2019-01-14: not a file tp2dg can read at 0.`);
    await expect(readdir(out)).rejects.toThrow();
    expect((await readdir(dirname(out))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('should never write over the run it exports, even with --force', async () => {
    for (const out of [run, root]) {
      const result = await runNode(EXPORT, ['--input', run, '--out', out, '--allow-simulated', '--force']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('would replace the run');
    }
    expect(await readdir(corpusRoot())).toContain('run-manifest.json');
  });

  it('should refuse ratios that do not make splits', async () => {
    const { result } = await exportRun(
      'bad-ratio',
      '--allow-simulated',
      '--test-ratio',
      '0.8',
      '--cold-ratio',
      '0.5',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('add up to 1 at most');
  });
});
