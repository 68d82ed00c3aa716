import { mediaTokenRatesOf, thinkingBudgetOf, thinkingTokensPerCall } from '@tp2dg/entities';
import { GEMINI_PROVIDER, modelFactsOf } from '@tp2dg/gemini-adapter/planning';
import { createSimulatedJudge, projectEvaluation } from '@tp2dg/judges';
import type { ModelCapabilitiesV1 } from '@tp2dg/model-providers';
import type { CommandIo } from '../command-line.js';
import type { EvalArguments } from '../eval-arguments.js';
import { EXIT } from '../exit-codes.js';
import type { EvalInputs } from '../run-eval-command.js';
import { snippetSettingsOf } from '../snippet-arguments.js';
import { count, formatProjection } from './format-projection.js';
import { createProjectionModels } from './projection-models.js';
import { thinkingBasis } from './run-dry-run.js';

/** `tp2dg-eval --dry-run`: what the same command would call, use and cost, without a call or a write. */
export async function runEvalDryRun(
  args: EvalArguments,
  /** `capabilities`: the provider's, as its plugin declares them; a free one's calls project at no cost. */
  inputs: EvalInputs & { capabilities: Pick<ModelCapabilitiesV1, 'freeAndDeterministic'> },
  io: CommandIo,
): Promise<number> {
  const facts = modelFactsOf(args.model, inputs.prices);
  const budget = thinkingBudgetOf(facts, args.thinkingBudget);
  const thinking = {
    perCall: thinkingTokensPerCall(facts, budget),
    basis: thinkingBasis(args, facts, budget),
  };
  const projection = await projectEvaluation({
    input: inputs.input,
    templates: inputs.templates,
    maxAttempts: args.maxResends + 1,
    prices: inputs.prices,
    fresh: args.fresh,
    models: {
      ...createProjectionModels({
        model: args.model,
        simulated: createSimulatedJudge,
        media: mediaTokenRatesOf(facts, args.mediaResolution),
        thinkingTokensPerCall: thinking.perCall,
        snippets: snippetSettingsOf(args),
        serviceTier: 'standard',
        explicitCache: undefined,
      }),
      // The judge a run would be, so what this Gemini model already scored is left out as a run would.
      provider: GEMINI_PROVIDER,
      capabilities: inputs.capabilities,
    },
  });
  const heading =
    `Projection for ${count(projection.conversations)} conversation(s) judged by ${projection.model} ` +
    `(already evaluated by it, so left out: ${projection.alreadyEvaluated}):`;
  // Judge calls are one-shot: Gemini's implicit cache is all the caching there is.
  for (const line of formatProjection(heading, projection, thinking, { contextCache: 'implicit' }))
    io.stdout(line);
  return EXIT.ok;
}
