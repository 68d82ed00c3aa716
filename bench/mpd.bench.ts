/**
 * Streaming the Spotify MPD (issue 5). 1 GB of MPD-format slices (~32 MB each, written to a
 * temp dir) is read by the mpd loader (each slice parsed, every playlist built into a session:
 * profiling 5, pool the rest up to 50) and, beside it, by plain `readFileSync` + `JSON.parse`
 * of the same files: the loader must keep >= 0.8x the speed of parsing alone. Each run is its
 * own child process, so its peak RSS is its own. Memory bounded by one slice means: the
 * loader's peak is close to what parsing one slice at a time costs (JSON.parse alone), and it
 * grows from a 4-slice corpus to 1 GB no more than JSON.parse alone does (V8 lets any long
 * run's heap grow somewhat). The peak is also printed as a multiple of one slice's size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMpdDataLoader } from '@tp2dg/data-loader-mpd';
import { reportFigure, reportRatio } from './support/report.js';
import { writeMpdSlices } from './support/write-mpd-slices.js';

interface ChildResult {
  seconds: number;
  sessions: number;
  maxRssMb: number;
}

const megabyte = 1024 * 1024;

/** One measured pass, inside a child process: `parse` or `loader` over `dir`. */
async function child(mode: string, dir: string): Promise<void> {
  const started = performance.now();
  let sessions = 0;
  if (mode === 'parse') {
    for (const name of readdirSync(dir).sort()) {
      const content = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { playlists: unknown[] };
      sessions += content.playlists.length;
    }
  } else {
    const loader = await createMpdDataLoader({ dataDir: dir, profileSize: 5 });
    for await (const _session of loader.sessions()) sessions += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, sessions, maxRssMb } satisfies ChildResult));
}

function measure(mode: string, dir: string): ChildResult {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', mode, dir], {
    encoding: 'utf8',
    maxBuffer: 16 * megabyte,
  });
  if (run.status !== 0) throw new Error(`child ${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

/**
 * Three passes of each mode, alternated so a busy moment of a shared machine hits both alike;
 * the fastest pass of each is compared, and each pass's peak RSS is its own process's.
 */
function alternate(modes: string[], dir: string, passes = 3): Map<string, ChildResult> {
  const fastest = new Map<string, ChildResult>();
  for (let pass = 0; pass < passes; pass++) {
    for (const mode of modes) {
      const result = measure(mode, dir);
      const previous = fastest.get(mode);
      if (previous === undefined || result.seconds < previous.seconds) fastest.set(mode, result);
    }
  }
  return fastest;
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'tp2dg-bench-mpd-'));
  try {
    const large = path.join(root, 'large');
    const small = path.join(root, 'small');
    for (const dir of [large, small]) spawnSync('mkdir', ['-p', dir]);
    const sizes = writeMpdSlices(large, 32);
    writeMpdSlices(small, 4);
    const totalMb = sizes.reduce((sum, size) => sum + size, 0) / megabyte;
    const sliceMb = Math.max(...sizes) / megabyte;
    const fastest = alternate(['parse', 'loader'], large);
    const parse = fastest.get('parse') as ChildResult;
    const loader = fastest.get('loader') as ChildResult;
    const parseSmall = measure('parse', small);
    const loaderSmall = measure('loader', small);
    reportFigure('corpus', totalMb, `MB in ${sizes.length} slices`);
    reportFigure('largest slice', sliceMb, 'MB');
    reportFigure(
      'JSON.parse alone',
      totalMb / parse.seconds,
      `MB/s (${parse.seconds.toFixed(2)} s, ${parse.sessions} playlists)`,
    );
    reportFigure(
      'mpd loader',
      totalMb / loader.seconds,
      `MB/s (${loader.seconds.toFixed(2)} s, ${loader.sessions} sessions)`,
    );
    reportFigure(
      'peak RSS, JSON.parse alone, 4 slices / 1 GB',
      parseSmall.maxRssMb,
      `MB / ${parse.maxRssMb.toFixed(0)} MB`,
    );
    reportFigure(
      'peak RSS, mpd loader, 4 slices / 1 GB',
      loaderSmall.maxRssMb,
      `MB / ${loader.maxRssMb.toFixed(0)} MB`,
    );
    reportFigure(
      'peak RSS of the loader over 1 GB, in slices',
      loader.maxRssMb / sliceMb,
      `x one slice of ${sliceMb.toFixed(1)} MB`,
    );
    reportRatio('loader speed / JSON.parse speed', parse.seconds / loader.seconds, { atLeast: 0.8 });
    // Holding one parsed slice is what JSON.parse alone costs; the loader may add its sessions, not slices.
    reportRatio('loader peak RSS / JSON.parse-alone peak RSS, 1 GB', loader.maxRssMb / parse.maxRssMb, {
      atMost: 1.5,
    });
    // V8 lets the heap grow over a long run whatever the code; the loader must not grow more than parsing does.
    const loaderGrowth = loader.maxRssMb / loaderSmall.maxRssMb;
    const parseGrowth = parse.maxRssMb / parseSmall.maxRssMb;
    reportRatio('loader peak growth 4 slices -> 1 GB / JSON.parse-alone growth', loaderGrowth / parseGrowth, {
      atMost: 1.25,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0)
  await child(process.argv[childIndex + 1] as string, process.argv[childIndex + 2] as string);
else await main();
