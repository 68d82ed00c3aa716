import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shardOf } from '@tp2dg/orchestrator';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTree } from './support/corpus-copies.js';
import { DUMMY, GENERATE, runNode, temporaryDirectory } from './support/run-command.js';

const folders: string[] = [];
afterEach(() => Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true }))));

async function outputFolder(): Promise<string> {
  const folder = await temporaryDirectory('fresh');
  folders.push(folder);
  return folder;
}

const simulated = (output: string, ...more: string[]) =>
  runNode(GENERATE, ['--provider', 'simulated', '--output-dir', output, ...more]);

async function sessionFolders(corpusRoot: string): Promise<string[]> {
  return (await readdir(corpusRoot, { recursive: true }))
    .filter((path) => path.endsWith('/session.json'))
    .map((path) => path.slice(0, -'/session.json'.length))
    .sort();
}

/** A name that hashes into shard `index` of 2, as a session id of it would. */
function nameInShard(index: number, stem: string): string {
  for (let suffix = 0; ; suffix += 1) {
    const name = `${stem}-${suffix}`;
    if (shardOf(name, 2) === index) return name;
  }
}

async function put(path: string, content: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
}

describe('tp2dg-generate --fresh, the corpus and what the user keeps', () => {
  it('should refuse an empty --model before writing anything, leaving a corpus in the output folder byte for byte', async () => {
    const output = await outputFolder();
    const corpus = join(output, 'dummy');
    await cp(DUMMY, corpus, { recursive: true });
    const before = await hashTree(output);

    const refused = await simulated(output, '--model', '', '--fresh', '--data', corpus);

    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      'tp2dg-generate: --model must not be empty (see tp2dg-generate --help)',
    ]);
    expect(await hashTree(output)).toEqual(before);
  });

  it('should refuse --fresh on a run directory that is the corpus, or holds the working directory', async () => {
    const output = await outputFolder();
    const corpus = join(output, 'simulated', 'dummy');
    await cp(DUMMY, corpus, { recursive: true });
    const before = await hashTree(output);

    const onCorpus = await simulated(output, '--fresh', '--data', corpus);
    expect(onCorpus.code).toBe(2);
    expect(onCorpus.stderr.trim().split('\n')).toEqual([
      `tp2dg-generate: ${corpus}: --fresh will not clear this run directory: it holds the corpus directory (--data), ${corpus}. Choose another --output-dir or --model.`,
    ]);
    expect(await hashTree(output)).toEqual(before);

    const fromInside = await runNode(
      GENERATE,
      ['--provider', 'simulated', '--output-dir', '../../..', '--data', DUMMY, '--fresh'],
      { cwd: join(corpus, 'audio') },
    );
    expect(fromInside.code).toBe(2);
    expect(fromInside.stderr).toContain('it holds the working directory');
    expect(await hashTree(output)).toEqual(before);
  });

  it('should start over, keeping and listing the files it did not write', async () => {
    const output = await outputFolder();
    const corpusRoot = join(output, 'simulated', 'dummy');
    expect((await simulated(output, '--data', DUMMY, '--sessions', '3')).code).toBe(0);
    await put(join(corpusRoot, 'u01', 'my-notes.txt'), 'mine');
    await put(join(corpusRoot, 'u02', 'u02__2019-03-01'), 'a file named like a session');
    await put(join(corpusRoot, 'README.md'), 'mine too');

    const fresh = await simulated(output, '--data', DUMMY, '--sessions', '1', '--fresh');

    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toContain(
      `warning: --fresh kept 3 entries of ${corpusRoot} it did not write: README.md, u01/my-notes.txt, u02/u02__2019-03-01.`,
    );
    expect(fresh.stdout).toContain('Already present: 0.');
    expect(await sessionFolders(corpusRoot)).toEqual(['u01/u01__2019-01-07']);
    expect(await readFile(join(corpusRoot, 'u01', 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(corpusRoot, 'README.md'), 'utf8')).toBe('mine too');
  });

  it("should start only its shard over, keeping the other shard's sessions and look-alike files", async () => {
    const output = await outputFolder();
    const corpusRoot = join(output, 'simulated', 'dummy');
    for (const shard of ['1/2', '2/2'])
      expect((await simulated(output, '--data', DUMMY, '--shard', shard)).code).toBe(0);
    const ownFolders = (await sessionFolders(corpusRoot)).filter(
      (folder) => shardOf(folder.split('/')[1] ?? '', 2) === 1,
    );
    const otherShard = Object.fromEntries(
      Object.entries(await hashTree(corpusRoot)).filter(
        ([path]) => path.startsWith('u0') && shardOf(path.split('/')[1] ?? '', 2) === 2,
      ),
    );
    // User files whose names hash into this shard: the old --fresh took them for its sessions.
    const lookAlike = `${nameInShard(1, 'notes')}+0123456789abcdef0123456789abcdef`;
    await put(join(corpusRoot, 'u01', lookAlike), 'mine');
    await put(join(corpusRoot, 'u02', nameInShard(1, 'u02__2019-04')), 'mine');

    const fresh = await simulated(output, '--data', DUMMY, '--shard', '1/2', '--fresh');

    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain(`Wrote ${ownFolders.length} conversation(s)`);
    expect(fresh.stdout).toContain('Already present: 0.');
    expect(fresh.stderr).toContain(
      `warning: --fresh kept 2 entries of ${corpusRoot} it did not write: u01/${lookAlike}, u02/`,
    );
    expect(await readFile(join(corpusRoot, 'u01', lookAlike), 'utf8')).toBe('mine');
    const after = await hashTree(corpusRoot);
    for (const [path, hash] of Object.entries(otherShard)) expect(after[path], path).toBe(hash);
    expect(Object.keys(otherShard).length).toBeGreaterThan(0);
  });

  it('should delete nothing in a folder without a run manifest tp2dg wrote, and say so', async () => {
    const output = await outputFolder();
    const corpusRoot = join(output, 'simulated', 'dummy');
    await put(join(corpusRoot, 'u02', 'u02__2019-01-14', 'session.json'), '{"mine": true}');
    await put(join(corpusRoot, 'failures.jsonl'), 'mine\n');
    const before = await hashTree(corpusRoot);

    const fresh = await simulated(output, '--data', DUMMY, '--sessions', '1', '--fresh');

    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toContain(
      `warning: --fresh deleted nothing in ${corpusRoot}: it holds no run manifest tp2dg wrote (run-manifest.json)`,
    );
    const after = await hashTree(corpusRoot);
    for (const [path, hash] of Object.entries(before)) expect(after[path], path).toBe(hash);
  });
});
