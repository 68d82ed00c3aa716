import {
  mediaTokenRatesOf,
  modelFactsOf,
  type PriceTable,
  pricedModel,
  serviceTierFactor,
  thinkingTokensPerCall,
} from '@tp2dg/entities';
import { cacheTtlSeconds } from '@tp2dg/gemini-adapter';
import { projectGeneration } from '@tp2dg/orchestrator';
import type { CommandInputs } from '../command-inputs.js';
import type { ContextCacheChoice } from '../context-cache-choice.js';
import { EXIT } from '../exit-codes.js';
import type { GenerateArguments } from '../generate-arguments.js';
import { describeEvent } from '../progress/progress-reporter.js';
import type { CommandIo } from '../run-generate-command.js';
import { attemptTimeoutSeconds } from '../service-tier-settings.js';
import { snippetSettingsOf } from '../snippet-arguments.js';
import { formatProjection } from './format-projection.js';
import { createProjectionModels } from './projection-models.js';

/** What `--service-tier` did to the projected price; nothing for standard. */
function tierNote(args: GenerateArguments, prices: PriceTable): string | undefined {
  const model = pricedModel(args.model, prices);
  if (args.serviceTier === 'standard' || model === undefined) return undefined;
  if (args.serviceTier === 'priority') {
    return 'service tier: priority, priced as standard: the price table has no priority premium';
  }
  const share = Math.round(serviceTierFactor(model, 'flex') * 100);
  return `service tier: flex, every call at ${share}% of the list price (a call resent at standard by --flex-fallback costs the full price)`;
}

/** `--dry-run`: what the same command would call, use and cost, without a call or a write. */
export async function runDryRun(
  args: GenerateArguments,
  inputs: CommandInputs & { prices: PriceTable; contextCache: ContextCacheChoice },
  io: CommandIo,
): Promise<number> {
  const { minTokens } = inputs.contextCache;
  const facts = modelFactsOf(args.model, inputs.prices);
  const thinking = {
    perCall: thinkingTokensPerCall(facts, args.thinkingBudget),
    basis:
      args.thinkingBudget === undefined
        ? `${args.model}'s default (${facts.thinking.source}); --thinking-budget caps it`
        : 'the whole --thinking-budget, the most a call can think',
  };
  const projection = await projectGeneration({
    ...inputs,
    models: createProjectionModels({
      model: args.model,
      seed: args.seed,
      turns: args.turns,
      catalog: inputs.catalog,
      media: mediaTokenRatesOf(facts, args.mediaResolution),
      thinkingTokensPerCall: thinking.perCall,
      snippets: snippetSettingsOf(args),
      serviceTier: args.serviceTier,
      // Each cache lives the TTL it is made with; extensions (slow flex answers) are not foreseen.
      explicitCache:
        minTokens === undefined
          ? undefined
          : { minTokens, ttlSeconds: cacheTtlSeconds(attemptTimeoutSeconds(args) * 1000) },
    }),
    onWarning: (message) => io.stderr(describeEvent({ type: 'warning', message })),
  });
  const lines = formatProjection(projection, thinking, {
    contextCache: inputs.contextCache.mode,
    tierNote: tierNote(args, inputs.prices),
  });
  for (const line of lines) io.stdout(line);
  return EXIT.ok;
}
