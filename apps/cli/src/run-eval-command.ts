import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PriceTable, Tp2dgError, thinkingBudgetOf } from '@tp2dg/entities';
import { modelFactsOf } from '@tp2dg/gemini-adapter/planning';
import { createSimulatedJudge, type JudgeTemplates, loadJudgeTemplates, runEvaluation } from '@tp2dg/judges';
import type { CommandIo } from './command-line.js';
import { resolveConcurrency } from './concurrency-argument.js';
import type { EvalArguments } from './eval-arguments.js';
import { EXIT } from './exit-codes.js';
import { assertModelInService, withModelAdvice } from './model-choice.js';
import { createCommandModels, declaredPricing, resolveProvider } from './model-factory.js';
import { pricesFor, readPrices } from './price-table-argument.js';
import { createProgressReporter } from './progress/progress-reporter.js';
import { runEvalDryRun } from './projection/run-eval-dry-run.js';
import { assertFlagsFitProvider } from './provider-flags.js';
import { snippetSettingsOf } from './snippet-arguments.js';
import { summaryCommand } from './summary-hint.js';

/** What the evaluation and its dry run read before their first call. */
export interface EvalInputs {
  input: string;
  templates: JudgeTemplates;
  prices: PriceTable;
}

/** `tp2dg-eval`: results on stdout, progress on stderr; returns the exit code. */
export async function runEvalCommand(
  args: EvalArguments,
  io: CommandIo,
  argv: readonly string[],
): Promise<number> {
  const overridesDir = args.prompts === undefined ? undefined : resolve(io.cwd, args.prompts);
  const inputs: EvalInputs = {
    input: resolve(io.cwd, args.input),
    templates: await loadJudgeTemplates({ overridesDir }),
    prices: await readPrices(args.prices, io.cwd),
  };
  const plugin = await resolveProvider(args, io.env, io.cwd);
  assertFlagsFitProvider(argv, plugin.name);
  if (args.dryRun) {
    const capabilities = declaredPricing(plugin);
    const prices = pricesFor(inputs.prices, capabilities, args.prices);
    if (!capabilities.freeAndDeterministic) assertModelInService(args.model, prices, new Date());
    return runEvalDryRun(args, { ...inputs, prices, capabilities }, io);
  }
  const mode = args.progress === 'auto' ? (io.stderrIsTerminal ? 'tty' : 'lines') : args.progress;
  const progress = createProgressReporter(mode, io.progress);
  const concurrency = resolveConcurrency(args.concurrency, { rpm: args.rpm, tpm: args.tpm });
  const modelFacts = modelFactsOf(args.model, inputs.prices);
  // The generator's Gemini files beside the run: uploads and snippets made for it are reused.
  const beside = (name: string) => join(inputs.input, name);
  const snippets = snippetSettingsOf(args);
  const fromFlags: Record<string, Record<string, unknown>> = {
    gemini: {
      modelFacts,
      mediaResolution: args.mediaResolution,
      thinkingBudget: thinkingBudgetOf(modelFacts, args.thinkingBudget),
      uploadLedger: beside('gemini-uploads.jsonl'),
      // A judge's calls are one-shot: no chat prefix for an explicit cache to hold.
      cacheLedger: beside('gemini-caches.jsonl'),
      mediaHashes: beside('gemini-media-hashes.jsonl'),
      snippets: snippets === undefined ? undefined : { ...snippets, cacheDir: beside('snippets') },
      rpm: args.rpm,
      tpm: args.tpm,
    },
    'openai-compatible': { baseUrl: args.baseUrl, rpm: args.rpm, tpm: args.tpm },
  };
  const models = await createCommandModels(plugin, args, fromFlags[plugin.name] ?? {}, {
    cwd: io.cwd,
    model: args.model,
    env: io.env,
    seed: args.seed,
    timeoutMs: args.timeout * 1000,
    maxAttempts: args.maxAttempts,
    temperature: args.temperature,
    simulatedModel: createSimulatedJudge,
    onWarning: (message) => progress.report({ type: 'warning', message }),
  });
  const prices = pricesFor(inputs.prices, models.capabilities, args.prices);
  if (!models.capabilities.freeAndDeterministic) assertModelInService(args.model, prices, new Date());
  const report = await runEvaluation({
    input: inputs.input,
    models,
    templates: inputs.templates,
    maxAttempts: args.maxResends + 1,
    concurrency,
    maxCostUsd: args.maxCost,
    prices,
    fresh: args.fresh,
    timeoutMs: args.timeout * 1000,
    signal: io.signal,
    onEvent: (event) => progress.report(event),
  }).catch((error: unknown) => {
    progress.finish();
    if (io.signal?.aborted) {
      throw new Tp2dgError(
        'ABORTED',
        'interrupted: finished evaluations are kept; run the same command again to resume.',
      );
    }
    throw withModelAdvice(error, args.model, prices);
  });
  progress.finish();
  if (models.capabilities.freeAndDeterministic) {
    io.stdout(`Simulated judge: these scores are NOT a model judgement (provider: ${models.provider}).`);
  }
  io.stdout(
    `Evaluated ${report.evaluated} conversation(s) with ${models.model} (${report.calls} judge calls, rubrics sha256 ${inputs.templates.hash.slice(0, 12)}).`,
  );
  io.stdout(`Already evaluated: ${report.existing}. Failed: ${report.failed}.`);
  for (const file of report.summaries) io.stdout(`Scores of the run: ${file}`);
  io.stdout(`Summarise with: ${summaryCommand(args.input, fileURLToPath(import.meta.url))}`);
  if (report.budgetReached) {
    io.stdout(
      `Stopped at the budget: $${report.spentUsd.toFixed(4)} spent of $${args.maxCost}; the same command with a higher --max-cost goes on.`,
    );
    return EXIT.budgetReached;
  }
  return report.failed > 0 ? EXIT.someSessionsIncomplete : EXIT.ok;
}
