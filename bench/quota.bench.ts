/**
 * Quota use (issue 4): 200 sessions x 8 turns through the real pipeline against the emulator
 * at 300 +/- 100 ms, once under an RPM limit and once under a TPM limit, with the adapter
 * given the same limits. Targets: calls (tokens) per minute / limit >= 0.9, 429s <= 2%.
 */
import { createGeminiAdapter } from '@tp2dg/gemini-adapter';
import { createCooperativeResponder, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { generate, sharedModel, withTemporaryDirectory } from './support/generation-run.js';
import { reportFigure, reportRatio } from './support/report.js';
import { type CountedEvent, slidingMinuteStats } from './support/sliding-minutes.js';
import { writeBenchCorpus } from './support/synthetic-corpus.js';

const SESSIONS = 200;
const TURNS = 8;
/**
 * Each session is 20 calls one after the other (~3 a second at 300 ms): 64 sessions could
 * make ~12,000 calls a minute, far above either limit, so the limit binds, not concurrency.
 */
const CONCURRENCY = 64;
/**
 * The run makes 4,000 calls with ~21.8M input tokens (measured at 0 latency). The adapter
 * paces calls evenly over the minute, so N calls under a limit L take about N/L minutes:
 * L = N/3 gives about 3 (3.0 measured). 10M tokens a minute, about half the run's tokens,
 * gives about 2.3 (a session's calls grow with its history, so the tokens come unevenly).
 */
const RPM = 1350;
const TPM = 10_000_000;
/** High enough never to bind in the TPM run (~1,350 calls a minute). */
const LOOSE_RPM = 4000;

interface Scenario {
  name: string;
  rpm: number;
  tpm?: number;
  measure: 'calls' | 'tokens';
  limit: number;
}

async function runScenario(dataDir: string, scenario: Scenario): Promise<void> {
  const responder = createCooperativeResponder();
  const accepted: CountedEvent[] = [];
  const emulator = await startGeminiEmulator({
    latencyMs: { meanMs: 300, jitterMs: 100 },
    rpm: scenario.rpm,
    ...(scenario.tpm === undefined ? {} : { tpm: scenario.tpm }),
    respond: (request) => {
      // Only requests the quota accepted reach the responder.
      const reply = responder.respond(request);
      const usage = responder.reportedUsage.get(request.index);
      const tokens =
        usage === undefined
          ? 0
          : usage.text_input +
            usage.image_input +
            usage.audio_input +
            usage.cached_text_input +
            usage.cached_image_input +
            usage.cached_audio_input;
      accepted.push({ at: request.receivedAt, amount: scenario.measure === 'calls' ? 1 : tokens });
      return reply;
    },
  });
  const model = createGeminiAdapter({
    apiKey: 'bench-key',
    model: 'gemini-3.5-flash-lite',
    baseUrl: emulator.baseUrl,
    rpm: scenario.rpm,
    ...(scenario.tpm === undefined ? {} : { tpm: scenario.tpm }),
  });
  const run = await generate({ dataDir, models: sharedModel(model), concurrency: CONCURRENCY, turns: TURNS });
  await emulator.close();
  const stats = slidingMinuteStats(accepted);
  const requests = emulator.counters.generateRequests;
  const refused = emulator.counters.quotaRejections.rpm + emulator.counters.quotaRejections.tpm;
  const status = model.quotaStatus();
  console.log(`${scenario.name}:`);
  reportFigure('sessions written / failed', run.report.written, `/ ${run.report.failed}`);
  reportFigure('run time', run.elapsedMs / 60_000, 'min');
  reportFigure('generateContent requests', requests, `(${refused} answered 429 by the quota)`);
  reportFigure(`${scenario.measure} per minute, mean of sliding minutes`, stats.mean, '');
  reportFigure(
    `${scenario.measure} in all`,
    accepted.reduce((sum, event) => sum + event.amount, 0),
    '',
  );
  reportFigure(`${scenario.measure} in the busiest minute`, stats.max, `(limit ${scenario.limit})`);
  reportFigure(
    'attempts the scheduler held back',
    status?.waits ?? 0,
    `(estimate factor ${status?.estimateFactor.toFixed(3)})`,
  );
  reportRatio(`${scenario.name}: ${scenario.measure} per minute / limit`, stats.mean / scenario.limit, {
    atLeast: 0.9,
  });
  reportRatio(`${scenario.name}: share of calls answered 429`, refused / requests, { atMost: 0.02 });
}

await withTemporaryDirectory('quota-corpus', async (dataDir) => {
  await writeBenchCorpus(dataDir, SESSIONS);
  await runScenario(dataDir, { name: 'RPM binding', rpm: RPM, measure: 'calls', limit: RPM });
  await runScenario(dataDir, {
    name: 'TPM binding',
    rpm: LOOSE_RPM,
    tpm: TPM,
    measure: 'tokens',
    limit: TPM,
  });
});
