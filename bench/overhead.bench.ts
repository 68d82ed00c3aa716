/**
 * Overhead (issue 4): the generator's own CPU time per model call, with the emulator at 0
 * latency in another process so its CPU is not counted. Target: at most 1 ms a call.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createGeminiAdapter } from '@tp2dg/gemini-adapter';
import { generate, sharedModel, withTemporaryDirectory } from './support/generation-run.js';
import { reportFigure, reportRatio } from './support/report.js';
import { writeBenchCorpus } from './support/synthetic-corpus.js';

const SESSIONS = 50;
const CONCURRENCY = 8;

async function startEmulatorProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'support/emulator-process.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const { baseUrl } = JSON.parse(line) as { baseUrl: string };
    return { baseUrl, stop: () => child.stdin.end() };
  }
  throw new Error('the emulator process ended without printing its address');
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

const emulator = await startEmulatorProcess();
try {
  await withTemporaryDirectory('overhead-corpus', async (dataDir) => {
    await writeBenchCorpus(dataDir, SESSIONS);
    const model = createGeminiAdapter({
      apiKey: 'bench-key',
      model: 'gemini-2.5-flash',
      baseUrl: emulator.baseUrl,
    });
    const models = sharedModel(model);
    // The first run also uploads and hashes every media file, once per corpus, and warms the JIT.
    const coldStart = process.cpuUsage();
    const cold = await generate({ dataDir, models, concurrency: CONCURRENCY });
    const coldMs = cpuMs(process.cpuUsage(coldStart));
    const warmStart = process.cpuUsage();
    const warm = await generate({ dataDir, models, concurrency: CONCURRENCY });
    const warmMs = cpuMs(process.cpuUsage(warmStart));
    reportFigure(
      'first run (uploads, hashing, JIT warm-up)',
      coldMs / cold.report.calls,
      `ms CPU per call (${cold.report.calls} calls, ${(cold.elapsedMs / 1000).toFixed(1)} s)`,
    );
    reportFigure(
      'second run (files already uploaded)',
      warmMs / warm.report.calls,
      `ms CPU per call (${warm.report.calls} calls, ${(warm.elapsedMs / 1000).toFixed(1)} s)`,
    );
    reportRatio('generator CPU per model call, ms (second run)', warmMs / warm.report.calls, { atMost: 1 });
  });
} finally {
  emulator.stop();
}
