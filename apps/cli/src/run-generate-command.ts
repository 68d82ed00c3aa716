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
import {
  type CommandModels,
  createCommandModels,
  declaredPricing,
  resolveProvider,
} from './model-factory.js';
import { pricesFor, readPrices } from './price-table-argument.js';
import { createProgressReporter } from './progress/progress-reporter.js';
import { runDryRun } from './projection/run-dry-run.js';
import { assertFlagsFitProvider } from './provider-flags.js';
import { runManifestInput } from './run-manifest-input.js';
import { attemptTimeoutSeconds, flexMaxAttempts } from './service-tier-settings.js';
import { snippetSettingsOf } from './snippet-arguments.js';
import { summaryCommand } from './summary-hint.js';

/**
 * What the provider leaves on its service when the run ends (Gemini: the caches an earlier run
 * left and this one did not reuse); with `--cleanup-uploads`, everything it stored.
 */
export async function releaseAfterRun(models: CommandModels, cleanup: boolean, io: CommandIo): Promise<void> {
  const lines = await (cleanup ? models.release?.deleteAll?.() : models.release?.afterRun?.());
  for (const line of lines ?? []) io.stdout(line);
}

/** `tp2dg-generate`: results on stdout, progress on stderr; returns the exit code. */
export async function runGenerateCommand(
  args: GenerateArguments,
  io: CommandIo,
  argv: readonly string[],
): Promise<number> {
  const prices = await readPrices(args.prices, io.cwd);
  const contextCache = resolveContextCache(args.contextCache, args.model, prices, args.mode);
  const inputs = await readCommandInputs(args, io.cwd);
  const plugin = await resolveProvider(args, io.env, io.cwd);
  assertFlagsFitProvider(argv, plugin.name);
  if (args.dryRun) {
    const capabilities = declaredPricing(plugin);
    const dryRunPrices = pricesFor(prices, capabilities, args.prices);
    if (!capabilities.freeAndDeterministic) assertModelInService(args.model, dryRunPrices, new Date());
    return runDryRun(args, { ...inputs, prices: dryRunPrices, contextCache, capabilities }, io);
  }
  const mode = args.progress === 'auto' ? (io.stderrIsTerminal ? 'tty' : 'lines') : args.progress;
  const progress = createProgressReporter(mode, io.progress);
  const onEvent = (event: RunEvent) => progress.report(event);
  const concurrency = resolveConcurrency(args.concurrency, { rpm: args.rpm, tpm: args.tpm }, args.mode);
  const modelFacts = modelFactsOf(args.model, prices);
  const thinkingBudget = thinkingBudgetOf(modelFacts, args.thinkingBudget);
  const timeoutMs = attemptTimeoutSeconds(args) * 1000;
  const beside = (name: string) => resolve(io.cwd, args.outputDir, name);
  const snippets = snippetSettingsOf(args);
  const fromFlags: Record<string, Record<string, unknown>> = {
    gemini: {
      modelFacts,
      mediaResolution: args.mediaResolution,
      serviceTier: args.serviceTier,
      // --timeout (or its flex default) is already what the run resolved for this tier.
      flexTimeoutMs: timeoutMs,
      flexMaxAttempts: flexMaxAttempts(args),
      flexFallback: args.flexFallback,
      thinkingBudget,
      explicitCacheMinTokens: contextCache.minTokens,
      uploadLedger: beside('gemini-uploads.jsonl'),
      cacheLedger: beside('gemini-caches.jsonl'),
      mediaHashes: beside('gemini-media-hashes.jsonl'),
      snippets: snippets === undefined ? undefined : { ...snippets, cacheDir: beside('snippets') },
      batch: batchOptionsOf(args, beside('gemini-batches.jsonl')),
      rpm: args.rpm,
      tpm: args.tpm,
    },
    // The schema goes to a chat-completions server only when the run asks for JSON replies.
    'openai-compatible': {
      baseUrl: args.baseUrl,
      jsonSchema: args.responseFormat === 'json',
      rpm: args.rpm,
      tpm: args.tpm,
    },
  };
  const models = await createCommandModels(plugin, args, fromFlags[plugin.name] ?? {}, {
    cwd: io.cwd,
    model: args.model,
    env: io.env,
    seed: args.seed,
    timeoutMs,
    maxAttempts: args.maxAttempts,
    temperature: args.temperature,
    maxOutputTokens: args.maxOutputTokens,
    simulatedModel: (session) =>
      createSimulatedModel({ session, seed: args.seed, catalog: inputs.catalog, turns: args.turns }),
    onWarning: (message) => onEvent({ type: 'warning', message }),
    onEvent: (event) => {
      if (event.type === 'batch') progress.report(event as Parameters<typeof progress.report>[0]);
    },
  });
  const runPrices = pricesFor(prices, models.capabilities, args.prices);
  if (!models.capabilities.freeAndDeterministic) assertModelInService(args.model, runPrices, new Date());
  const report = await runGeneration({
    ...inputs,
    models,
    prices: runPrices,
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
    timeoutMs,
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
      throw withModelAdvice(error, args.model, runPrices);
    })
    .finally(() => releaseAfterRun(models, args.cleanupUploads, io));

  progress.finish();
  if (models.capabilities.freeAndDeterministic) {
    io.stdout(
      `Simulated offline run: these conversations are NOT LLM output (provider: ${models.provider}).`,
    );
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
