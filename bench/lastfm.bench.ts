/**
 * Grouping a Last.fm-style log into sessions (issue 5). A 10-million-event LFM-2b log
 * (plain TSV, grouped by user as the corpora ship) is grouped into per-day sessions by
 * `readListeningSessions` (the part of the lastfm loader that scales with the log) at
 * >= 1 million events a second. The whole loader (that grouping, then the track join and
 * the shared session building: profiling 5, pool 8) is timed beside it as a figure.
 *
 * Memory must not grow with the log: the whole loader reads a 10 M-event and a 1 M-event
 * log, each in its own child process, twice. Left alone, V8 lets garbage pile up longer
 * between full collections in a longer run, so uncapped peak RSS differs by a step that
 * depends on GC pacing and machine load (printed as figures). With the old generation capped
 * at 96 MB, a reader that kept the events would run out of memory on the 10 M log; this one
 * peaks at the same RSS on both (target <= 1.25x), and keeps the same heap after a full GC.
 * Logs live in a temp dir that is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLastfmDataLoader, readListeningSessions } from '@tp2dg/data-loader-lastfm';
import { reportFigure, reportRatio } from './support/report.js';

const eventsPerUserDay = 20;
const daysPerUser = 25;
const trackCount = 100_000;
/** Far below what 10 M events would take held in memory (several hundred MB). */
const heapCapMb = 96;

interface ChildResult {
  events: number;
  sessions: number;
  seconds: number;
  /** User + system CPU time of the child (all its threads), which a busy machine does not inflate. */
  cpuSeconds: number;
  maxRssMb: number;
  /** Heap still in use after a full GC at the end: what the reader keeps, not its garbage. */
  liveHeapMb: number;
}

/** An LFM-2b corpus of `users` users, each with 25 days of 20 plays, two minutes apart. */
function writeLog(dir: string, users: number): number {
  const write = (name: string, lines: (emit: (line: string) => void) => void) => {
    const file = openSync(path.join(dir, name), 'w');
    let buffer: string[] = [];
    lines((line) => {
      buffer.push(line);
      if (buffer.length === 50_000) {
        writeSync(file, `${buffer.join('\n')}\n`);
        buffer = [];
      }
    });
    if (buffer.length > 0) writeSync(file, `${buffer.join('\n')}\n`);
    closeSync(file);
  };
  const start = Date.UTC(2012, 0, 1, 9) / 1000;
  let events = 0;
  write('listening-events.tsv', (emit) => {
    emit('user_id\ttrack_id\talbum_id\ttimestamp');
    for (let user = 0; user < users; user++) {
      for (let day = 0; day < daysPerUser; day++) {
        for (let play = 0; play < eventsPerUserDay; play++) {
          const time = new Date((start + day * 86_400 + play * 120) * 1000).toISOString();
          const track = (user * 131 + day * 17 + play * 7919) % trackCount;
          emit(`${100_000 + user}\t${track}\t${track % 5000}\t${time.slice(0, 10)} ${time.slice(11, 19)}`);
          events += 1;
        }
      }
    }
  });
  write('users.tsv', (emit) => {
    emit('user_id\tcountry\tage\tgender\tcreation_time');
    for (let user = 0; user < users; user++) emit(`${100_000 + user}\tUS\t${18 + (user % 50)}\tf\t`);
  });
  write('tracks.tsv', (emit) => {
    emit('track_id\tartist_name\ttrack_name');
    for (let track = 0; track < trackCount; track++) emit(`${track}\tArtist ${track % 3000}\tSong ${track}`);
  });
  return events;
}

type Mode = 'group' | 'load';

/** In a child: read the corpus in `dir` (grouping only, or the whole loader), timed; print JSON. */
async function readInChild(mode: Mode, dir: string, events: number): Promise<void> {
  const began = process.hrtime.bigint();
  const cpuAtStart = process.cpuUsage();
  let sessions = 0;
  if (mode === 'group') {
    const file = path.join(dir, 'listening-events.tsv');
    for await (const _ of readListeningSessions(file, { layout: 'lfm-2b' })) sessions += 1;
  } else {
    const loader = await createLastfmDataLoader({ profileSize: 5, poolSize: 8, sourceOptions: { dir } });
    for await (const _ of loader.sessions()) sessions += 1;
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  (globalThis as { gc?: () => void }).gc?.();
  const liveHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const result: ChildResult = { events, sessions, seconds, cpuSeconds, maxRssMb, liveHeapMb };
  process.stdout.write(JSON.stringify(result));
}

function runChild(mode: Mode, dir: string, events: number, heapCapMb?: number): ChildResult {
  const cap = heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`];
  const child = spawnSync(
    process.execPath,
    [
      ...cap,
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      mode,
      dir,
      String(events),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildResult;
}

function reportRun(name: string, run: ChildResult): void {
  reportFigure(`${name}: ${run.events} events into ${run.sessions} sessions`, run.seconds, 's');
  reportFigure(`${name}: events per second`, run.events / run.seconds, 'events/s');
  reportFigure(
    `${name}: events per CPU second (process, all threads)`,
    run.events / run.cpuSeconds,
    'events/s',
  );
  reportFigure(`${name}: peak RSS`, run.maxRssMb, 'MB');
  reportFigure(`${name}: heap in use after a full GC at the end`, run.liveHeapMb, 'MB');
}

async function main(): Promise<void> {
  const large = mkdtempSync(path.join(tmpdir(), 'tp2dg-bench-lastfm-10m-'));
  const small = mkdtempSync(path.join(tmpdir(), 'tp2dg-bench-lastfm-1m-'));
  try {
    const largeEvents = writeLog(large, 20_000);
    const smallEvents = writeLog(small, 2_000);
    const grouping = runChild('group', large, largeEvents);
    const loading = runChild('load', large, largeEvents);
    const smallLoading = runChild('load', small, smallEvents);
    const cappedLoading = runChild('load', large, largeEvents, heapCapMb);
    const cappedSmallLoading = runChild('load', small, smallEvents, heapCapMb);
    reportRun('grouping, 10 M-event log', grouping);
    reportRun('whole loader, 10 M-event log', loading);
    reportRun('whole loader, 1 M-event log', smallLoading);
    reportFigure(
      'uncapped peak RSS, 10 M-event log / 1 M-event log',
      loading.maxRssMb / smallLoading.maxRssMb,
      'x',
    );
    reportRun(`whole loader, old generation capped at ${heapCapMb} MB, 10 M-event log`, cappedLoading);
    reportRun(`whole loader, old generation capped at ${heapCapMb} MB, 1 M-event log`, cappedSmallLoading);
    reportRatio(
      'events grouped into sessions per second, in millions (10 M log)',
      grouping.events / grouping.seconds / 1e6,
      { atLeast: 1 },
    );
    reportRatio(
      `peak RSS with the old generation capped at ${heapCapMb} MB, 10 M-event log / 1 M-event log`,
      cappedLoading.maxRssMb / cappedSmallLoading.maxRssMb,
      { atMost: 1.25 },
    );
    reportRatio(
      'heap kept after a full GC, 10 M-event log / 1 M-event log',
      loading.liveHeapMb / smallLoading.liveHeapMb,
      { atMost: 1.25 },
    );
  } finally {
    rmSync(large, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await readInChild(process.argv[3] as Mode, process.argv[4] as string, Number(process.argv[5]));
} else await main();
