/**
 * Memory of the reference-format loader (issue 11): the built-in `reference` loader creates
 * itself (users and tracks read, playlists.json checked and counted) and yields every
 * session of a 10,000-session and a 1,000-session corpus, each in its own child process.
 * Paper-sized sessions (31 tracks) over the same 50 users and 120 tracks: only playlists.json
 * grows, tenfold.
 *
 * Left alone, V8 lets garbage pile up longer between full collections in a longer run, so
 * uncapped peak RSS differs by a step that depends on GC pacing and machine load (printed as
 * a figure; 1.0x to 1.35x from run to run here). With the old generation capped at 32 MB the
 * garbage is collected early, and the peak must be about the same on both (target <= 1.2x).
 * What the loader keeps is the heap in use after a full GC at the end (target <= 1.2x): the
 * loader that built every session before the first kept 24.6 MB at 10,000 sessions against
 * 17.3 MB at 1,000 (1.42x): 0.8 KB a session, some 800 MB for a million.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import { writeSyntheticCorpus } from '@tp2dg/data-loaders/test';
import { withTemporaryDirectory } from './support/generation-run.js';
import { reportFigure, reportRatio } from './support/report.js';

const heapCapMb = 32;

interface ChildResult {
  sessions: number;
  seconds: number;
  maxRssMb: number;
  /** Heap still in use after a full GC at the end: what the loader keeps, not its garbage. */
  liveHeapMb: number;
}

/** In a child: create the loader over `dataDir`, count and read every session; print JSON. */
async function readInChild(dataDir: string): Promise<void> {
  const began = performance.now();
  const loader = await referenceDataLoader.create({ dataDir, profileSize: 5 });
  let sessions = 0;
  for await (const _ of loader.sessions()) sessions += 1;
  if ((await loader.count?.()) !== sessions) throw new Error('count() disagrees with sessions()');
  const seconds = (performance.now() - began) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  (globalThis as { gc?: () => void }).gc?.();
  const liveHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const result: ChildResult = { sessions, seconds, maxRssMb, liveHeapMb };
  process.stdout.write(JSON.stringify(result));
}

function runChild(dataDir: string, heapCapMb?: number): ChildResult {
  const cap = heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`];
  const child = spawnSync(
    process.execPath,
    [...cap, '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', dataDir],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildResult;
}

function reportRun(name: string, run: ChildResult): void {
  reportFigure(`${name}: ${run.sessions} sessions read in`, run.seconds, 's');
  reportFigure(`${name}: peak RSS`, run.maxRssMb, 'MB');
  reportFigure(`${name}: heap in use after a full GC at the end`, run.liveHeapMb, 'MB');
}

async function main(): Promise<void> {
  const writeCorpus = (dir: string, sessions: number) =>
    writeSyntheticCorpus(dir, { users: 50, tracks: 120, sessions, tracksPerSession: 31, seed: 'memory' });
  await withTemporaryDirectory('reference-10k', async (large) => {
    await withTemporaryDirectory('reference-1k', async (small) => {
      await writeCorpus(large, 10_000);
      await writeCorpus(small, 1000);
      const loading = runChild(large);
      const smallLoading = runChild(small);
      const cappedLoading = runChild(large, heapCapMb);
      const cappedSmallLoading = runChild(small, heapCapMb);
      reportRun('10,000 sessions', loading);
      reportRun('1,000 sessions', smallLoading);
      reportFigure(
        'uncapped peak RSS, 10,000 / 1,000 sessions',
        loading.maxRssMb / smallLoading.maxRssMb,
        'x',
      );
      reportRun(`old generation capped at ${heapCapMb} MB, 10,000 sessions`, cappedLoading);
      reportRun(`old generation capped at ${heapCapMb} MB, 1,000 sessions`, cappedSmallLoading);
      reportRatio(
        `peak RSS with the old generation capped at ${heapCapMb} MB, 10,000 / 1,000 sessions`,
        cappedLoading.maxRssMb / cappedSmallLoading.maxRssMb,
        { atMost: 1.2 },
      );
      reportRatio(
        'heap kept after a full GC, 10,000 / 1,000 sessions',
        loading.liveHeapMb / smallLoading.liveHeapMb,
        { atMost: 1.2 },
      );
    });
  });
}

if (process.argv[2] === '--child') await readInChild(process.argv[3] as string);
else await main();
