/**
 * Memory (issue 4): peak RSS of a simulated run of 10,000 sessions against one of 1,000,
 * each in its own process, sessions streamed from a loader and results streamed to disk.
 * Target: at most 1.5x.
 */
import { execFileSync } from 'node:child_process';
import { reportFigure, reportRatio } from './support/report.js';

interface ChildRun {
  written: number;
  maxRssKb: number;
  elapsedMs: number;
}

function simulatedRun(sessions: number): ChildRun {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'support/simulated-run.ts', String(sessions)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ChildRun;
}

const small = simulatedRun(1000);
const large = simulatedRun(10_000);
for (const [name, run] of [
  ['1,000 sessions', small],
  ['10,000 sessions', large],
] as const) {
  reportFigure(
    `${name}: peak RSS`,
    run.maxRssKb / 1024,
    `MiB (${run.written} written in ${(run.elapsedMs / 1000).toFixed(0)} s)`,
  );
}
reportRatio('peak RSS, 10,000 / 1,000 sessions', large.maxRssKb / small.maxRssKb, { atMost: 1.5 });
