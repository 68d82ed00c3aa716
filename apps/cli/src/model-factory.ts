import { Tp2dgError } from '@tp2dg/entities';
import {
  createModelProvider,
  createProviderRegistry,
  type ModelCapabilitiesV1,
  type ModelProviderContextV1,
  type ModelProviderPluginV1,
  type ModelProviderV1,
  readProviderOptions,
  resolveModelProvider,
} from '@tp2dg/model-providers';
import type { ModelFactory } from '@tp2dg/orchestrator';
import { pluginSearchPath } from './plugin-search-path.js';

/** `--provider`, `--provider-option` and `--provider-config`, as both commands take them. */
export interface ProviderArguments {
  provider?: string | undefined;
  providerOption?: readonly string[] | undefined;
  providerConfig?: string | undefined;
}

/** The factory a run uses, plus what the provider releases and the snippets it sends. */
export interface CommandModels
  extends Omit<ModelFactory, 'capabilities'>,
    Pick<ModelProviderV1, 'capabilities' | 'release' | 'audioSnippets'> {}

/**
 * The registry of the commands: `simulated`, and the first-party providers under their names,
 * each imported only when asked for: the Gemini SDK is a third of the CLI's start.
 */
function commandRegistry() {
  const registry = createProviderRegistry();
  registry.register('gemini', async () => (await import('@tp2dg/gemini-adapter')).modelProvider);
  registry.register(
    'openai-compatible',
    async () => (await import('@tp2dg/provider-openai-compatible')).modelProvider,
  );
  return registry;
}

/**
 * The plugin `--provider` names (a registered name, a package or a module path). Without
 * `--provider` a key means Gemini, and so does a dry run, which needs no key; no key is an error
 * rather than a silent switch to simulated data, which must never pass for LLM output.
 */
export function resolveProvider(
  args: { provider?: string | undefined; dryRun: boolean },
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<ModelProviderPluginV1> {
  const chosen =
    args.provider ?? (args.dryRun || env.GOOGLE_API_KEY || env.GEMINI_API_KEY ? 'gemini' : undefined);
  if (chosen === undefined) {
    throw new Tp2dgError(
      'MISSING_API_KEY',
      'no model backend: set GEMINI_API_KEY to use Gemini, or pass --provider simulated for an offline dry run',
    );
  }
  return resolveModelProvider(chosen, { registry: commandRegistry(), cwd, searchFrom: pluginSearchPath() });
}

/**
 * How a dry run prices the provider's calls, known without creating it (which may need a key,
 * or write): as the plugin declares; a plugin that declares no `prices` is taken as `unpriced`,
 * so a dry run never shows list prices its run may not be billed at.
 */
export function declaredPricing(
  plugin: ModelProviderPluginV1,
): Pick<ModelCapabilitiesV1, 'prices' | 'freeAndDeterministic'> {
  return {
    prices: plugin.capabilities?.prices ?? 'unpriced',
    freeAndDeterministic: plugin.capabilities?.freeAndDeterministic ?? false,
  };
}

/**
 * Creates the provider: the options the command's own flags set (`fromFlags`), with
 * `--provider-config` and then each `--provider-option` over them, checked by the plugin's schema.
 */
export async function createCommandModels(
  plugin: ModelProviderPluginV1,
  args: ProviderArguments,
  fromFlags: Record<string, unknown>,
  context: ModelProviderContextV1 & { cwd: string },
): Promise<CommandModels> {
  const given = await readProviderOptions(
    { pairs: args.providerOption, configFile: args.providerConfig },
    context.cwd,
  );
  const provider = await createModelProvider(plugin, { ...fromFlags, ...given }, context);
  return {
    provider: provider.provider,
    model: provider.modelId,
    capabilities: provider.capabilities,
    forSession: (session) => provider.forSession(session),
    release: provider.release,
    audioSnippets: provider.audioSnippets,
  };
}
