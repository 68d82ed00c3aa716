import { createSimulatedModel } from '@tp2dg/agents';
import {
  type ModelFacts,
  mediaTokenRatesOf,
  type PriceTable,
  pricedModel,
  serviceTierFactor,
  thinkingBudgetOf,
  thinkingTokensPerCall,
} from '@tp2dg/entities';
import { cacheTtlSeconds, GEMINI_MEDIA_TYPES, modelFactsOf } from '@tp2dg/gemini-adapter/planning';
import type { ModelCapabilitiesV1 } from '@tp2dg/model-providers';
import { projectGeneration } from '@tp2dg/orchestrator';
import type { CommandInputs } from '../command-inputs.js';
import type { CommandIo } from '../command-line.js';
import type { ContextCacheChoice } from '../context-cache-choice.js';
import { EXIT } from '../exit-codes.js';
import type { GenerateArguments } from '../generate-arguments.js';
import { describeEvent } from '../progress/progress-reporter.js';
import { attemptTimeoutSeconds } from '../service-tier-settings.js';
import { snippetSettingsOf } from '../snippet-arguments.js';
import { count, formatProjection } from './format-projection.js';
import { createProjectionModels } from './projection-models.js';

/** What `--service-tier` or `--mode batch` did to the projected price; nothing for standard. */
function tierNote(args: GenerateArguments, prices: PriceTable): string | undefined {
  const model = pricedModel(args.model, prices);
  if (model === undefined) return undefined;
  if (args.mode === 'batch') {
    const share = Math.round((1 - (model.batch_discount ?? 0)) * 100);
    return `batch mode: every call at ${share}% of the list price, but for what the implicit cache serves, billed at the cached price as for calls sent alone`;
  }
  if (args.serviceTier === 'standard') return undefined;
  if (args.serviceTier === 'priority') {
    return 'service tier: priority, priced as standard: the price table has no priority premium';
  }
  const share = Math.round(serviceTierFactor(model, 'flex') * 100);
  return `service tier: flex, every call at ${share}% of the list price (a call resent at standard by --flex-fallback costs the full price)`;
}

/** Why the projection counts the thinking it does on each call. */
export function thinkingBasis(
  args: Pick<GenerateArguments, 'model' | 'thinkingBudget'>,
  facts: ModelFacts,
  budget: number | undefined,
): string {
  if (budget === undefined)
    return `${args.model}'s default (${facts.thinking.source}); --thinking-budget caps it`;
  if (args.thinkingBudget === 'least') {
    return `--thinking-budget least: ${args.model}'s smallest budget (${facts.thinking.least_budget_source ?? 'from the price table'})`;
  }
  return 'the whole --thinking-budget, the most a call can think';
}

/** `--dry-run`: what the same command would call, use and cost, without a call or a write. */
export async function runDryRun(
  args: GenerateArguments,
  inputs: CommandInputs & {
    prices: PriceTable;
    contextCache: ContextCacheChoice;
    /** The provider's, as its plugin declares them: a free one's calls project at no cost. */
    capabilities: Pick<ModelCapabilitiesV1, 'freeAndDeterministic'>;
  },
  io: CommandIo,
): Promise<number> {
  const { minTokens } = inputs.contextCache;
  const facts = modelFactsOf(args.model, inputs.prices);
  const budget = thinkingBudgetOf(facts, args.thinkingBudget);
  const thinking = {
    perCall: thinkingTokensPerCall(facts, budget),
    basis: thinkingBasis(args, facts, budget),
  };
  const projection = await projectGeneration({
    ...inputs,
    mediaTypes: GEMINI_MEDIA_TYPES,
    models: {
      ...createProjectionModels({
        model: args.model,
        simulated: (session) =>
          createSimulatedModel({ session, seed: args.seed, catalog: inputs.catalog, turns: args.turns }),
        media: mediaTokenRatesOf(facts, args.mediaResolution),
        thinkingTokensPerCall: thinking.perCall,
        snippets: snippetSettingsOf(args),
        serviceTier: args.mode === 'batch' ? 'batch' : args.serviceTier,
        // Each cache lives the TTL it is made with; extensions (slow flex answers) are not foreseen.
        explicitCache:
          minTokens === undefined
            ? undefined
            : { minTokens, ttlSeconds: cacheTtlSeconds(attemptTimeoutSeconds(args) * 1000) },
      }),
      capabilities: inputs.capabilities,
    },
    onWarning: (message) => io.stderr(describeEvent({ type: 'warning', message })),
  });
  const heading =
    `Projection for ${count(projection.sessions)} conversation(s) with ${projection.model} ` +
    `(already generated, so left out: ${projection.alreadyGenerated}; skipped by the loader: ${projection.skippedByLoader}):`;
  const lines = formatProjection(heading, projection, thinking, {
    contextCache: inputs.contextCache.mode,
    tierNote: tierNote(args, inputs.prices),
  });
  if (projection.textFieldsCut > 0) {
    lines.push(
      `text fields cut to their caps: ${count(projection.textFieldsCut)} (--max-text-chars, --max-lyrics-chars; --strict stops instead)`,
    );
  }
  for (const line of lines) io.stdout(line);
  return EXIT.ok;
}
