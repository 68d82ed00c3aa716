import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Session } from '@tp2dg/entities';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestFile, recordRunStart } from '../manifest/run-manifest.js';
import { journalFile, sessionFolder, stagingPrefix } from '../output-paths.js';
import { clearRun } from './clear-run.js';

let corpusRoot: string;
beforeEach(async () => {
  corpusRoot = join(await mkdtemp(join(tmpdir(), 'tp2dg-clear-')), 'model', 'corpus');
});
afterEach(() => rm(dirname(dirname(corpusRoot)), { recursive: true, force: true }));

const SHARD = { index: 1, count: 2 };
const LONG_ID = `s-${'é'.repeat(200)}`;
const session = (userId: string, sessionId: string) =>
  ({ session_id: sessionId, user: { user_id: userId } }) as Session;

async function put(path: string, content = '{}'): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

/** What runs leave for a session: its finished folder, a staging folder, a journal. */
async function putSession({ user, session_id }: { user: { user_id: string }; session_id: string }) {
  const folder = sessionFolder(corpusRoot, user.user_id, session_id);
  await put(join(folder, 'session.json'));
  await put(join(dirname(folder), `${stagingPrefix(folder)}0a1b2c3d`, 'chat.json'));
  await put(journalFile(corpusRoot, user.user_id, session_id), '{"key":"k"}\n');
}

async function putManifest(shard?: typeof SHARD): Promise<void> {
  const content = { settings: {}, run_options: {}, versions: {}, corpus_licence: null };
  await recordRunStart(manifestFile(corpusRoot, shard), content, { force: false, now: new Date() });
}

/** Every file and folder under the run directory, relative to it, sorted. */
async function tree(): Promise<string[]> {
  return (await readdir(corpusRoot, { recursive: true })).sort();
}

/** A user's own files, in a user folder, beside the sessions, and at the top. */
async function putUnknownFiles(): Promise<void> {
  await put(join(corpusRoot, 'u1', 'notes.txt'), 'mine');
  await put(join(corpusRoot, 'u1', 'draft', 'chat.json'), 'mine');
  await put(join(corpusRoot, 'README.md'), 'mine');
}

describe('clearRun', () => {
  it('should remove what runs wrote, keep and list what they did not, and leave the lock', async () => {
    await putManifest();
    await putManifest(SHARD);
    await put(join(corpusRoot, 'failures.jsonl'));
    await put(join(corpusRoot, 'failures-shard-1-of-2.jsonl'));
    await put(join(corpusRoot, 'eval-summary.json'));
    await mkdir(join(corpusRoot, '.run.lock'));
    for (const each of [session('u1', 's1'), session('u2', 's2'), session('u2', LONG_ID)])
      await putSession(each);
    await putUnknownFiles();

    const warning = await clearRun(corpusRoot, undefined);

    expect(await tree()).toEqual([
      '.run.lock',
      'README.md',
      'u1',
      'u1/draft',
      'u1/draft/chat.json',
      'u1/notes.txt',
    ]);
    expect(warning).toBe(
      `--fresh kept 3 entries of ${corpusRoot} it did not write: README.md, u1/draft, u1/notes.txt.`,
    );
  });

  it('should delete nothing where no run manifest tp2dg wrote is found, and say so', async () => {
    await putSession(session('u1', 's1'));
    await putUnknownFiles();
    await put(manifestFile(corpusRoot, undefined), '{"written_by":"someone else"}');
    const before = await tree();

    const warning = await clearRun(corpusRoot, undefined);

    expect(await tree()).toEqual(before);
    expect(warning).toBe(
      `--fresh deleted nothing in ${corpusRoot}: it holds no run manifest tp2dg wrote (run-manifest.json), ` +
        'so the run resumes what is there. Move the folder away to start over.',
    );
  });

  it("should remove only this shard's sessions, by the names its ids make, and keep look-alike files", async () => {
    await putManifest(SHARD);
    await putManifest({ index: 2, count: 2 });
    await put(join(corpusRoot, 'failures-shard-1-of-2.jsonl'));
    await put(join(corpusRoot, 'failures-shard-2-of-2.jsonl'));
    const own = [session('u1', 's1'), session('u2', LONG_ID)];
    for (const each of [...own, session('u1', 'other-shard')]) await putSession(each);
    // A user's file where a session of this shard would go, and one named like a session of it.
    const lookAlike = await put(join(corpusRoot, 'u1', 's3'), 'mine');
    const sessions = (async function* () {
      yield* [...own, session('u1', 's3')];
    })();

    const warning = await clearRun(corpusRoot, { shard: SHARD, sessions });

    expect(await tree()).toEqual([
      '.journal',
      '.journal/u1',
      '.journal/u1/other-shard.jsonl',
      'failures-shard-2-of-2.jsonl',
      'run-manifest-shard-2-of-2.json',
      'u1',
      'u1/.other-shard.partial-0a1b2c3d',
      'u1/.other-shard.partial-0a1b2c3d/chat.json',
      'u1/other-shard',
      'u1/other-shard/session.json',
      'u1/s3',
    ]);
    expect(existsSync(lookAlike)).toBe(true);
    expect(warning).toBe(`--fresh kept 1 entry of ${corpusRoot} it did not write: u1/s3.`);
  });

  it('should keep the run directory itself when it empties it', async () => {
    await putManifest();
    await put(join(corpusRoot, 'failures.jsonl'));
    await putSession(session('u1', 's1'));
    expect(await clearRun(corpusRoot, undefined)).toBeUndefined();
    expect(await tree()).toEqual([]);
  });

  it('should do nothing, and create nothing, where there is no run directory yet', async () => {
    expect(await clearRun(corpusRoot, undefined)).toBeUndefined();
    expect(existsSync(corpusRoot)).toBe(false);
  });
});
