import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulatedModel } from '@tp2dg/agents';
import { Tp2dgError, thinkingBudgetOf } from '@tp2dg/entities';
import { GEMINI_MEDIA_TYPES, modelFactsOf } from '@tp2dg/gemini-adapter/planning';
import { type RunEvent, runGeneration } from '@tp2dg/orchestrator';
import { batchOptionsOf } from './batch-settings.js';
import { readCommandInputs } from './command-inputs.js';
import type { CommandIo } from './command-line.js';
import { resolveConcurrency } from './concurrency-argument.js';
import { resolveContextCache } from './context-cache-choice.js';
import { EXIT } from './exit-codes.js';
import type { GenerateArguments } from './generate-arguments.js';
import { assertModelInService, withModelAdvice } from './model-choice.js';
import { type CommandModels, createModelFactory } from './model-factory.js';
import { readPrices } from './price-table-argument.js';
import { createProgressReporter } from './progress/progress-reporter.js';
import { runDryRun } from './projection/run-dry-run.js';
import { runManifestInput } from './run-manifest-input.js';
import { attemptTimeoutSeconds, flexMaxAttempts } from './service-tier-settings.js';
import { snippetSettingsOf } from './snippet-arguments.js';
import { summaryCommand } from './summary-hint.js';

/**
 * What a Gemini run leaves on the service when it ends: the caches an earlier run left and this
 * one did not reuse are deleted; with `--cleanup-uploads`, its uploads and every cache tp2dg made.
 */
async function cleanUpAfterRun(models: CommandModels, cleanup: boolean, io: CommandIo): Promise<void> {
  if (cleanup && models.deleteUploads !== undefined) {
    io.stdout(`Deleted ${await models.deleteUploads()} file(s) this run uploaded to Gemini.`);
  }
  if (cleanup && models.deleteCaches !== undefined) {
    io.stdout(`Deleted ${await models.deleteCaches()} Gemini context cache(s) tp2dg made on this key.`);
    return;
  }
  const leftovers = (await models.deleteLeftoverCaches?.()) ?? 0;
  if (leftovers > 0) io.stdout(`Deleted ${leftovers} Gemini context cache(s) an earlier run left.`);
}

/** `tp2dg-generate`: results on stdout, progress on stderr; returns the exit code. */
export async function runGenerateCommand(args: GenerateArguments, io: CommandIo): Promise<number> {
  const prices = await readPrices(args.prices, io.cwd, args.provider);
  const contextCache = resolveContextCache(args.contextCache, args.model, prices, args.mode);
  const inputs = await readCommandInputs(args, io.cwd);
  if (args.dryRun) {
    assertModelInService(args.model, prices, new Date());
    return runDryRun(args, { ...inputs, prices, contextCache }, io);
  }
  const mode = args.progress === 'auto' ? (io.stderrIsTerminal ? 'tty' : 'lines') : args.progress;
  const progress = createProgressReporter(mode, io.progress);
  const onEvent = (event: RunEvent) => progress.report(event);
  const concurrency = resolveConcurrency(args.concurrency, { rpm: args.rpm, tpm: args.tpm }, args.mode);
  const modelFacts = modelFactsOf(args.model, prices);
  const thinkingBudget = thinkingBudgetOf(modelFacts, args.thinkingBudget);
  const models = await createModelFactory({
    provider: args.provider,
    model: args.model,
    baseUrl: args.baseUrl,
    // The schema goes to a chat-completions server only when the run asks for JSON replies.
    jsonSchema: args.responseFormat === 'json',
    modelFacts,
    mediaResolution: args.mediaResolution,
    seed: args.seed,
    simulatedModel: (session) =>
      createSimulatedModel({ session, seed: args.seed, catalog: inputs.catalog, turns: args.turns }),
    timeoutMs: attemptTimeoutSeconds(args) * 1000,
    maxAttempts: args.maxAttempts,
    serviceTier: args.serviceTier,
    flexMaxAttempts: flexMaxAttempts(args),
    flexFallback: args.flexFallback,
    temperature: args.temperature,
    thinkingBudget,
    maxOutputTokens: args.maxOutputTokens,
    uploadLedger: resolve(io.cwd, args.outputDir, 'gemini-uploads.jsonl'),
    explicitCacheMinTokens: contextCache.minTokens,
    cacheLedger: resolve(io.cwd, args.outputDir, 'gemini-caches.jsonl'),
    snippets: snippetSettingsOf(args),
    snippetCache: resolve(io.cwd, args.outputDir, 'snippets'),
    mediaHashes: resolve(io.cwd, args.outputDir, 'gemini-media-hashes.jsonl'),
    env: io.env,
    rpm: args.rpm,
    tpm: args.tpm,
    batch: batchOptionsOf(args, resolve(io.cwd, args.outputDir, 'gemini-batches.jsonl'), (event) =>
      progress.report({ type: 'batch', ...event }),
    ),
    onWarning: (message) => onEvent({ type: 'warning', message }),
  });
  if (models.provider !== 'simulated') assertModelInService(args.model, prices, new Date());
  const report = await runGeneration({
    ...inputs,
    models,
    prices,
    // The media the model takes: Gemini's, which every provider's run is vetted against today.
    mediaTypes: GEMINI_MEDIA_TYPES,
    maxCostUsd: args.maxCost,
    concurrency,
    maxConsecutiveFailures: args.maxConsecutiveFailures,
    keepShort: args.keepShort,
    fresh: args.fresh,
    cwd: io.cwd,
    force: args.force,
    manifest: runManifestInput(args, inputs.loaderOptions, {
      concurrency,
      thinkingBudget,
      contextCache: contextCache.mode,
    }),
    audioSnippets: models.audioSnippets,
    timeoutMs: attemptTimeoutSeconds(args) * 1000,
    signal: io.signal,
    onEvent,
  })
    .catch((error: unknown) => {
      progress.finish();
      // A stopped run still says what it did: those sessions are kept and count on resume.
      const { writtenCount, failedCount } = progress.tally;
      if (writtenCount + failedCount > 0) {
        io.stdout(
          `Stopped after writing ${writtenCount} conversation(s), ${failedCount} failed; the same command resumes the run.`,
        );
      }
      if (io.signal?.aborted) {
        throw new Tp2dgError(
          'ABORTED',
          'interrupted: finished sessions are kept; run the same command again to resume.',
        );
      }
      throw withModelAdvice(error, args.model, prices);
    })
    .finally(() => cleanUpAfterRun(models, args.cleanupUploads, io));

  progress.finish();
  if (models.provider === 'simulated') {
    io.stdout('Simulated offline run: these conversations are NOT LLM output (provider: simulated).');
  }
  io.stdout(
    `Wrote ${report.written} conversation(s) to ${report.corpusRoot} (${report.calls} model calls, prompts sha256 ${inputs.prompts.hash.slice(0, 12)}).`,
  );
  io.stdout(
    `Already present: ${report.existing}. Failed: ${report.failed}. Kept short: ${report.keptShort}. Skipped by the loader: ${report.skipped}.`,
  );
  if (report.poolSizes !== null) {
    const { min, max, mean } = report.poolSizes;
    const sizes = min === max ? `${min} tracks` : `${min} to ${max} tracks (mean ${mean.toFixed(1)})`;
    io.stdout(`Pools of the conversations written: ${sizes}; the paper's hold 21 to 32.`);
  }
  if (report.written + report.existing + report.failed + report.skipped === 0) {
    io.stderr(
      `tp2dg-generate: warning: no session was selected from ${inputs.loaderOptions.dataDir}; check --data, --source, --shard and the corpus itself.`,
    );
  }
  if (report.textFieldsCut > 0) {
    io.stdout(
      `Cut ${report.textFieldsCut} text field(s) to their caps (--max-text-chars, --max-lyrics-chars; --strict stops instead).`,
    );
  }
  if (report.failed + report.skipped > 0)
    io.stdout(`Reasons are in ${resolve(report.corpusRoot, 'failures.jsonl')}.`);
  io.stdout(`Summarise with: ${summaryCommand(args.outputDir, fileURLToPath(import.meta.url))}`);
  if (report.budgetReached) {
    io.stdout(
      `Stopped at the budget: $${report.spentUsd.toFixed(4)} spent of $${args.maxCost}; the same command with a higher --max-cost goes on.`,
    );
    return EXIT.budgetReached;
  }
  return report.failed + report.keptShort > 0 ? EXIT.someSessionsIncomplete : EXIT.ok;
}
