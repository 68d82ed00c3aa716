/**
 * Speed (issues 4 and 11): with 2 s per call and no quota, 50 sessions generated with the
 * default concurrency (what `--concurrency auto` resolves to without `--rpm` or `--tpm`)
 * against one session at a time, in the same script. Target: at least 25x faster. One at a
 * time is run at concurrency 2 on a single session: the session alone, with its two calls at
 * once where it makes them (concurrency 1 would also send those one after the other).
 */
import { autoConcurrency } from '@tp2dg/call-quota';
import { createGeminiAdapter } from '@tp2dg/gemini-adapter';
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { generate, sharedModel, withTemporaryDirectory } from './support/generation-run.js';
import { reportFigure, reportRatio } from './support/report.js';
import { writeBenchCorpus } from './support/synthetic-corpus.js';

const SESSIONS = 50;
const LATENCY_MS = 2000;
/**
 * 50 sessions one at a time at 2 s a call (20 calls each) take about half an hour: the
 * sequential rate is measured on this many sessions and extrapolated to 50.
 */
const SEQUENTIAL_SAMPLE = 2;
/** The CLI's default: `--concurrency auto` with no rate limit given. */
const DEFAULT_CONCURRENCY = autoConcurrency({});

async function timedRun(dataDir: string, sessions: number, concurrency: number) {
  const emulator = await startGeminiEmulator({ latencyMs: LATENCY_MS });
  const model = createGeminiAdapter({
    apiKey: 'bench-key',
    model: 'gemini-3.5-flash-lite',
    baseUrl: emulator.baseUrl,
  });
  const run = await generate({ dataDir, models: sharedModel(model), concurrency, sessions });
  await emulator.close();
  return run;
}

await withTemporaryDirectory('speed-corpus', async (dataDir) => {
  await writeBenchCorpus(dataDir, SESSIONS);
  const together = await timedRun(dataDir, SESSIONS, DEFAULT_CONCURRENCY);
  const alone = [];
  for (let run = 0; run < SEQUENTIAL_SAMPLE; run += 1) alone.push(await timedRun(dataDir, 1, 2));
  const oneByOne = {
    elapsedMs: alone.reduce((sum, run) => sum + run.elapsedMs, 0),
    written: alone.reduce((sum, run) => sum + run.report.written, 0),
    calls: alone.reduce((sum, run) => sum + run.report.calls, 0),
  };
  const perSessionMs = oneByOne.elapsedMs / oneByOne.written;
  const extrapolatedMs = perSessionMs * SESSIONS;
  reportFigure(
    `${SESSIONS} sessions at the default concurrency (auto: ${DEFAULT_CONCURRENCY})`,
    together.elapsedMs / 1000,
    `s (${together.report.calls} calls, ${together.report.written} written)`,
  );
  reportFigure(
    `one at a time, measured on ${oneByOne.written} sessions`,
    perSessionMs / 1000,
    `s per session (${oneByOne.calls} calls)`,
  );
  reportFigure(
    `one at a time for ${SESSIONS} sessions, EXTRAPOLATED from that per-session rate`,
    extrapolatedMs / 1000,
    's',
  );
  reportRatio('sequential (extrapolated) / concurrent time', extrapolatedMs / together.elapsedMs, {
    atLeast: 25,
  });
});
