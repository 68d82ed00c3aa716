/**
 * Overhead (issue 4): the generator's own CPU time per model call, with the emulator at 0
 * latency in another process so its CPU is not counted. Target: at most 1 ms a call.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGeminiAdapter } from '@tp2dg/gemini-adapter';
import { generate, sharedModel, withTemporaryDirectory } from './support/generation-run.js';
import { reportFigure, reportRatio } from './support/report.js';
import { writeBenchCorpus } from './support/synthetic-corpus.js';

const SESSIONS = 50;
const CONCURRENCY = 8;
/**
 * Runs after the first that still show the JIT and the heap settling (each slower than the
 * last); printed, not counted. A corpus run lasts hours: its cost per call is the steady one.
 */
const WARM_UP_RUNS = 2;
/** Measured runs after those: their median is the figure, so one noisy run cannot decide it. */
const STEADY_RUNS = 5;

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Where the corpus and the outputs go: tmpfs when the machine has one. On ext4, creating files
 * within minutes of deleting thousands (what this bench's cleanup, earlier benches and the
 * tests do) makes the inode allocator step over each recently freed inode: the same code
 * measured 1.16-1.40 ms a call right after other bench runs, 0.61-0.96 on tmpfs. That is the
 * file system's state, not the generator's CPU. A `TMPDIR` on disk measures that case.
 */
const SCRATCH_ROOT = process.env.TMPDIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

const emulator = await startEmulatorProcess();
try {
  console.log(`  corpus and outputs written under ${SCRATCH_ROOT}`);
  await withTemporaryDirectory(
    'overhead-corpus',
    async (dataDir) => {
      await writeBenchCorpus(dataDir, SESSIONS);
      // Every run writes a folder of its own, all removed at the end: no run follows the
      // removal of another's files (see SCRATCH_ROOT).
      await withTemporaryDirectory(
        'overhead-output',
        async (outputRoot) => {
          const uploadLedger = join(outputRoot, 'gemini-uploads.jsonl');
          /** An adapter as a new CLI process makes it: the ledger, and the hash file if given. */
          const adapter = (mediaHashes?: string) =>
            sharedModel(
              createGeminiAdapter({
                apiKey: 'bench-key',
                model: 'gemini-3.5-flash-lite',
                baseUrl: emulator.baseUrl,
                uploadLedger,
                ...(mediaHashes === undefined ? {} : { mediaHashes }),
              }),
            );
          const mediaHashes = join(outputRoot, 'gemini-media-hashes.jsonl');
          const models = adapter(mediaHashes);
          const measure = async (name: string, runModels = models) => {
            const started = process.cpuUsage();
            const run = await generate({
              dataDir,
              models: runModels,
              concurrency: CONCURRENCY,
              outputDir: join(outputRoot, name),
            });
            return { ...run, msPerCall: cpuMs(process.cpuUsage(started)) / run.report.calls };
          };
          // The first run also uploads and hashes every media file, once per corpus, and warms the JIT.
          const cold = await measure('first');
          reportFigure(
            'first run (uploads, hashing, JIT warm-up)',
            cold.msPerCall,
            `ms CPU per call (${cold.report.calls} calls, ${(cold.elapsedMs / 1000).toFixed(1)} s)`,
          );
          const warmUp = [];
          for (let index = 1; index <= WARM_UP_RUNS; index += 1)
            warmUp.push(await measure(`warm-up-${index}`));
          reportFigure(
            `warm-up runs (JIT and heap settling), ${WARM_UP_RUNS}`,
            Math.max(...warmUp.map((run) => run.msPerCall)),
            `ms CPU per call at most (each: ${warmUp.map((run) => run.msPerCall.toFixed(2)).join(', ')})`,
          );
          const steady = [];
          for (let index = 1; index <= STEADY_RUNS; index += 1) steady.push(await measure(`steady-${index}`));
          const perCall = steady.map((run) => run.msPerCall);
          reportFigure(
            `steady runs (files already uploaded), ${STEADY_RUNS} of ${steady[0]?.report.calls} calls each`,
            median(perCall),
            `ms CPU per call, median (each: ${perCall.map((value) => value.toFixed(2)).join(', ')})`,
          );
          // A new process finds every upload in the ledger, but first needs each file's content
          // hash: read and hashed again, or taken from the hash file by path, size and mtime.
          const rehashing = await measure('new-adapter-ledger-only', adapter());
          const recorded = await measure('new-adapter-hash-file', adapter(mediaHashes));
          reportFigure(
            "a new adapter's first run, uploads in the ledger, every media file read and hashed",
            rehashing.msPerCall,
            'ms CPU per call',
          );
          reportFigure(
            'the same with the hash file of the earlier runs (no media file read)',
            recorded.msPerCall,
            'ms CPU per call',
          );
          reportRatio('generator CPU per model call, ms (median of the steady runs)', median(perCall), {
            atMost: 1,
          });
        },
        SCRATCH_ROOT,
      );
    },
    SCRATCH_ROOT,
  );
} finally {
  emulator.stop();
}
