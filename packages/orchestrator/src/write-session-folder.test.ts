import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSessionFolder } from './write-session-folder.js';

const files = new Map([
  ['chat.json', '[]\n'],
  ['session.json', '{}\n'],
]);

const parents: string[] = [];
afterAll(() => Promise.all(parents.map((parent) => rm(parent, { recursive: true, force: true }))));

async function parentFolder(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'tp2dg-write-'));
  parents.push(parent);
  return parent;
}

describe('writeSessionFolder', () => {
  it('should put every file in place and leave no staging folder', async () => {
    const parent = await parentFolder();
    expect(await writeSessionFolder(join(parent, 's1'), files)).toBe(true);
    expect((await readdir(parent)).sort()).toEqual(['s1']);
    expect(await readFile(join(parent, 's1', 'chat.json'), 'utf8')).toBe('[]\n');
  });

  it("should remove the staging folders a killed run left for the session, and no other's", async () => {
    const parent = await parentFolder();
    await mkdir(join(parent, '.s1.partial-dead0001'));
    await writeFile(join(parent, '.s1.partial-dead0001', 'chat.json'), '[{"tur');
    await mkdir(join(parent, '.s2.partial-live0002'));
    expect(await writeSessionFolder(join(parent, 's1'), files)).toBe(true);
    expect((await readdir(parent)).sort()).toEqual(['.s2.partial-live0002', 's1']);
  });

  it('should keep a session another run finished first', async () => {
    const parent = await parentFolder();
    await mkdir(join(parent, 's1'));
    await writeFile(join(parent, 's1', 'session.json'), 'theirs');
    expect(await writeSessionFolder(join(parent, 's1'), files)).toBe(false);
    expect(await readFile(join(parent, 's1', 'session.json'), 'utf8')).toBe('theirs');
    expect(await readdir(parent)).toEqual(['s1']);
  });

  it('should refuse a folder in the way that holds no session, and remove its staging folder', async () => {
    const parent = await parentFolder();
    await mkdir(join(parent, 's1'));
    await writeFile(join(parent, 's1', 'notes.txt'), 'not a session');
    const error = await writeSessionFolder(join(parent, 's1'), files).catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('OUTPUT_WRITE');
    expect((error as Error).message).toContain(`${join(parent, 's1')}: a folder is already in its place`);
    expect(await readdir(parent)).toEqual(['s1']);
  });

  it('should fail with OUTPUT_WRITE when the parent cannot hold a folder', async () => {
    const parent = await parentFolder();
    await writeFile(join(parent, 'user'), 'a file where a folder should be');
    const error = await writeSessionFolder(join(parent, 'user', 's1'), files).catch(
      (caught: unknown) => caught,
    );
    expect(Tp2dgError.isInstance(error) && error.code).toBe('OUTPUT_WRITE');
    expect((error as Error).message).toContain(
      `${join(parent, 'user', 's1')}: a file stands where a folder of this path should be`,
    );
    expect(await readdir(parent)).toEqual(['user']);
  });
});
