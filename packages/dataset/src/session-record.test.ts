import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionHeader } from './session-record.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tp2dg-dataset-session-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function sessionFolder(name: string, content: string): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'session.json'), content);
  return folder;
}

describe('readSessionHeader', () => {
  it('should name the file, the session folder and the field of a session.json it cannot read', async () => {
    const folder = await sessionFolder('u01__2019-01-07', JSON.stringify({ session_id: 5 }));
    const read = readSessionHeader(folder);
    await expect(read).rejects.toThrow(
      `${join(folder, 'session.json')}: session folder u01__2019-01-07: not a file tp2dg can read at session_id`,
    );
    await expect(read).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('should say so of a file that is not JSON at all', async () => {
    const folder = await sessionFolder('torn', '{"session_id": "a"');
    await expect(readSessionHeader(folder)).rejects.toThrow(/session folder torn: not valid JSON/);
  });
});
