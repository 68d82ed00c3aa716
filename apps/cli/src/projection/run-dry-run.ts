import { projectGeneration } from '@tp2dg/orchestrator';
import type { CommandInputs } from '../command-inputs.js';
import { EXIT } from '../exit-codes.js';
import type { GenerateArguments } from '../generate-arguments.js';
import { describeEvent } from '../progress/progress-reporter.js';
import type { CommandIo } from '../run-generate-command.js';
import { snippetSettingsOf } from '../snippet-arguments.js';
import { formatProjection } from './format-projection.js';
import { createProjectionModels } from './projection-models.js';

/** `--dry-run`: what the same command would call, use and cost, without a call or a write. */
export async function runDryRun(
  args: GenerateArguments,
  inputs: CommandInputs,
  io: CommandIo,
): Promise<number> {
  const projection = await projectGeneration({
    ...inputs,
    models: createProjectionModels({
      model: args.model,
      seed: args.seed,
      turns: args.turns,
      catalog: inputs.catalog,
      snippets: snippetSettingsOf(args),
    }),
    onWarning: (message) => io.stderr(describeEvent({ type: 'warning', message })),
  });
  for (const line of formatProjection(projection)) io.stdout(line);
  return EXIT.ok;
}
