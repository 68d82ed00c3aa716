import { resolve } from 'node:path';
import { resolveDataLoader } from '@tp2dg/data-loaders';
import { Tp2dgError } from '@tp2dg/entities';
import { type RunEvent, runGeneration } from '@tp2dg/orchestrator';
import { loadGoalCatalog, loadPromptSet } from '@tp2dg/prompts';
import { EXIT } from './exit-codes.js';
import type { GenerateArguments } from './generate-arguments.js';
import { createModelFactory } from './model-factory.js';

export interface CommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal?: AbortSignal;
}

/** `tp2dg-generate`: results on stdout, progress on stderr; returns the exit code. */
export async function runGenerateCommand(args: GenerateArguments, io: CommandIo): Promise<number> {
  const [prompts, catalog] = await Promise.all([
    loadPromptSet({ overridesDir: args.prompts === undefined ? undefined : resolve(io.cwd, args.prompts) }),
    loadGoalCatalog(),
  ]);
  const models = createModelFactory({
    provider: args.provider,
    model: args.model,
    seed: args.seed,
    turns: args.turns,
    timeoutMs: args.timeout * 1000,
    maxAttempts: args.maxAttempts,
    temperature: args.temperature,
    thinkingBudget: args.thinkingBudget,
    maxOutputTokens: args.maxOutputTokens,
    uploadLedger: resolve(io.cwd, args.outputDir, 'gemini-uploads.jsonl'),
    catalog,
    env: io.env,
  });
  const plugin = await resolveDataLoader(args.source, { cwd: io.cwd });
  const tally = { written: 0, failed: 0 };
  const onEvent = (event: RunEvent) => {
    if (event.type === 'session-written') tally.written += 1;
    if (event.type === 'session-failed') tally.failed += 1;
    io.stderr(describeEvent(event));
  };
  const report = await runGeneration({
    plugin,
    loaderOptions: {
      dataDir: resolve(io.cwd, args.data),
      profileSize: args.profileSize,
      poolSize: args.poolSize,
    },
    models,
    prompts,
    catalog,
    outputDir: resolve(io.cwd, args.outputDir),
    turns: args.turns,
    seed: args.seed,
    responseFormat: args.responseFormat,
    maxReasks: args.maxReasks,
    sessions: args.sessions,
    shard: args.shard,
    concurrency: args.concurrency,
    maxConsecutiveFailures: args.maxConsecutiveFailures,
    timeoutMs: args.timeout * 1000,
    signal: io.signal,
    onEvent,
  })
    .catch((error: unknown) => {
      // A stopped run still says what it did: those sessions are kept and count on resume.
      if (tally.written + tally.failed > 0) {
        io.stdout(
          `Stopped after writing ${tally.written} conversation(s), ${tally.failed} failed; the same command resumes the run.`,
        );
      }
      if (io.signal?.aborted) {
        throw new Tp2dgError(
          'ABORTED',
          'interrupted: finished sessions are kept; run the same command again to resume.',
        );
      }
      throw error;
    })
    .finally(async () => {
      if (!args.cleanupUploads || models.deleteUploads === undefined) return;
      io.stdout(`Deleted ${await models.deleteUploads()} file(s) this run uploaded to Gemini.`);
    });

  if (models.provider === 'simulated') {
    io.stdout('Simulated offline run: these conversations are NOT LLM output (provider: simulated).');
  }
  io.stdout(
    `Wrote ${report.written} conversation(s) to ${report.corpusRoot} (${report.calls} model calls, prompts sha256 ${prompts.hash.slice(0, 12)}).`,
  );
  io.stdout(
    `Already present: ${report.existing}. Failed: ${report.failed}. Skipped by the loader: ${report.skipped}.`,
  );
  if (report.failed + report.skipped > 0)
    io.stdout(`Reasons are in ${resolve(report.corpusRoot, 'failures.jsonl')}.`);
  io.stdout(`Summarise with: tp2dg-summary --input ${args.outputDir}`);
  return report.failed > 0 ? EXIT.someSessionsFailed : EXIT.ok;
}

function describeEvent(event: RunEvent): string {
  switch (event.type) {
    case 'session-written':
      return `wrote ${event.sessionId}: ${event.turns} turns, ${event.calls} calls`;
    case 'session-exists':
      return `kept ${event.sessionId}: already generated`;
    case 'session-failed':
      return `failed ${event.sessionId}: ${event.reason}`;
    case 'session-skipped':
      return `skipped ${event.sessionId}: ${event.reason}`;
  }
}
