import { link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** The files of a session folder that name its session or user, written anew in each clone. */
const NAMING_FILES = new Set(['session.json', 'profiling.json']);
/** Sessions per made-up user: each clone of the seed run goes to new users every few clones. */
const CLONES_PER_USER = 5;

/**
 * Grows a finished run (`seedRun`, a `--output-dir`) into `sessions` conversations in `target`,
 * for the export bench: clone k of seed session S of user U is session `S~k` of user
 * `U~floor(k / 5)`. The files that name them are rewritten; the others (the chat, the calls,
 * the goal) are hard links to the seed's, so 100,000 conversations take a few hundred megabytes
 * of disk instead of tens of gigabytes. Run manifests are copied as they are.
 */
export async function cloneRun(seedRun: string, target: string, sessions: number): Promise<number> {
  const seeds = await sessionFoldersOf(seedRun);
  if (seeds.length === 0) throw new Error(`${seedRun} holds no finished session to clone`);
  let written = 0;
  await copyManifests(seedRun, target);
  for (let clone = 0; written < sessions; clone += 1) {
    for (const seed of seeds) {
      if (written === sessions) break;
      await cloneSession(seedRun, target, seed, clone);
      written += 1;
    }
  }
  return written;
}

interface SeedSession {
  folder: string;
  userId: string;
  sessionId: string;
  /** The folder's files: name to text for the naming files, undefined for those linked. */
  files: Map<string, string | undefined>;
}

async function sessionFoldersOf(run: string): Promise<SeedSession[]> {
  const entries = await readdir(run, { recursive: true, withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isFile() && entry.name === 'session.json')
    .map((entry) => entry.parentPath);
  return Promise.all(
    folders.map(async (folder) => {
      const header = JSON.parse(await readFile(join(folder, 'session.json'), 'utf8')) as {
        session_id: string;
        user_id: string;
      };
      const files = new Map<string, string | undefined>();
      for (const name of await readdir(folder)) {
        files.set(name, NAMING_FILES.has(name) ? await readFile(join(folder, name), 'utf8') : undefined);
      }
      return { folder, userId: header.user_id, sessionId: header.session_id, files };
    }),
  );
}

async function cloneSession(
  seedRun: string,
  target: string,
  seed: SeedSession,
  clone: number,
): Promise<void> {
  const userId = `${seed.userId}~${Math.floor(clone / CLONES_PER_USER)}`;
  const sessionId = `${seed.sessionId}~${clone}`;
  // <corpus folder>/<user>/<session>, as the seed run lays it out.
  const corpusFolder = join(target, relative(seedRun, join(seed.folder, '..', '..')));
  const folder = join(corpusFolder, userId, sessionId);
  await mkdir(folder, { recursive: true });
  for (const [name, text] of seed.files) {
    if (text === undefined) await link(join(seed.folder, name), join(folder, name));
    else await writeFile(join(folder, name), renamed(text, seed, userId, sessionId));
  }
}

/** The text with the seed's ids, as JSON strings, replaced by the clone's. */
function renamed(text: string, seed: SeedSession, userId: string, sessionId: string): string {
  return text
    .replaceAll(JSON.stringify(seed.sessionId), JSON.stringify(sessionId))
    .replaceAll(JSON.stringify(seed.userId), JSON.stringify(userId));
}

async function copyManifests(seedRun: string, target: string): Promise<void> {
  const entries = await readdir(seedRun, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name !== 'run-manifest.json') continue;
    const folder = join(target, relative(seedRun, entry.parentPath));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, entry.name), await readFile(join(entry.parentPath, entry.name)));
  }
}
