import { createSnippetMaker, type SnippetMaker, type SnippetSettings } from '@tp2dg/audio-snippets';
import {
  type MediaResolution,
  type ModelFacts,
  type ModelPort,
  type ServiceTier,
  type Session,
  SIMULATED_PROVIDER,
  Tp2dgError,
} from '@tp2dg/entities';
import type { GeminiBatchOptions } from '@tp2dg/gemini-adapter/planning';
import type { ModelFactory } from '@tp2dg/orchestrator';

export interface ModelFactoryOptions {
  provider: 'simulated' | 'gemini' | 'openai-compatible' | undefined;
  model: string;
  /** With `openai-compatible`: the server's URL, else `OPENAI_BASE_URL`. */
  baseUrl?: string | undefined;
  /** With `openai-compatible`: whether the server takes `response_format: json_schema`. */
  jsonSchema?: boolean;
  /** What the price table says of the model: whether it takes a media resolution, what media count. */
  modelFacts: ModelFacts;
  mediaResolution: MediaResolution;
  seed: number;
  /** The offline backend's model of a session, with `--provider simulated`: the agents' or a judge's. */
  simulatedModel: (session: Session) => ModelPort;
  timeoutMs: number;
  maxAttempts: number;
  /** Sent on every Gemini call; a flex call is retried on sheds up to `flexMaxAttempts`. */
  serviceTier: ServiceTier;
  flexMaxAttempts: number;
  /** Sheds of one flex call after which it is resent at standard; 0 never. */
  flexFallback: number;
  temperature: number | undefined;
  thinkingBudget: number | undefined;
  maxOutputTokens: number | undefined;
  env: NodeJS.ProcessEnv;
  /** Where Gemini uploads are recorded for reuse by later runs. */
  uploadLedger: string;
  /** The model's explicit cache minimum when the run makes explicit context caches (`--context-cache`). */
  explicitCacheMinTokens: number | undefined;
  /** Where Gemini context caches are recorded, so a later run reuses or deletes them. */
  cacheLedger: string;
  /** The snippets Gemini gets in place of audio clips; undefined to send the clips. */
  snippets: SnippetSettings | undefined;
  /** Where snippets are cached for later runs, beside the upload ledger. */
  snippetCache: string;
  /** Where media content hashes are recorded, so later runs do not read every file again. */
  mediaHashes: string;
  /** `--mode batch`: every call through Batch API rounds; undefined sends each call alone. */
  batch?: GeminiBatchOptions | undefined;
  /** Gemini requests and input tokens per minute the adapter schedules its calls under. */
  rpm?: number | undefined;
  tpm?: number | undefined;
  /** Told what the user should know that does not stop the run (a ledger line cut short). */
  onWarning?: (message: string) => void;
}

/**
 * The factory, plus the deletion of what a Gemini run uploaded and of its context caches, and
 * the snippets it uploads in place of audio clips (none for simulated runs, which send nothing
 * anywhere).
 */
export interface CommandModels extends ModelFactory {
  deleteUploads?: () => Promise<number>;
  /** Deletes the caches earlier runs left that this one did not reuse: when the run ends. */
  deleteLeftoverCaches?: () => Promise<number>;
  /** Deletes every context cache tp2dg made on the key (`--cleanup-uploads`). */
  deleteCaches?: () => Promise<number>;
  audioSnippets?: SnippetMaker;
}

/**
 * Picks the backend. Without `--provider` a key means Gemini; no key is an error rather
 * than a silent switch to simulated data, which must never pass for LLM output. Each
 * backend's package is loaded only when chosen: the Gemini SDK is a third of the CLI's start.
 */
export async function createModelFactory(options: ModelFactoryOptions): Promise<CommandModels> {
  const apiKey = options.env.GOOGLE_API_KEY || options.env.GEMINI_API_KEY;
  const provider = options.provider ?? (apiKey ? 'gemini' : undefined);
  if (provider === undefined) {
    throw new Tp2dgError(
      'MISSING_API_KEY',
      'no model backend: set GEMINI_API_KEY to use Gemini, or pass --provider simulated for an offline dry run',
    );
  }
  if (provider === 'simulated') {
    return {
      provider: SIMULATED_PROVIDER,
      model: SIMULATED_PROVIDER,
      forSession: options.simulatedModel,
    };
  }
  if (provider === 'openai-compatible') return openAiCompatibleModels(options);
  if (!apiKey)
    throw new Tp2dgError('MISSING_API_KEY', '--provider gemini needs an API key: set GEMINI_API_KEY');
  const audioSnippets =
    options.snippets === undefined
      ? undefined
      : createSnippetMaker({ settings: options.snippets, cacheDir: options.snippetCache });
  const { createGeminiAdapter } = await import('@tp2dg/gemini-adapter');
  const gemini = createGeminiAdapter({
    model: options.model,
    modelFacts: options.modelFacts,
    mediaResolution: options.mediaResolution,
    env: options.env,
    timeoutMs: options.timeoutMs,
    maxAttempts: options.maxAttempts,
    serviceTier: options.serviceTier,
    // --timeout (or its flex default) is already what the run resolved for this tier.
    flexTimeoutMs: options.timeoutMs,
    flexMaxAttempts: options.flexMaxAttempts,
    flexFallback: options.flexFallback,
    temperature: options.temperature,
    thinkingBudget: options.thinkingBudget,
    maxOutputTokens: options.maxOutputTokens,
    uploadLedger: options.uploadLedger,
    explicitCacheMinTokens: options.explicitCacheMinTokens,
    cacheLedger: options.cacheLedger,
    mediaHashes: options.mediaHashes,
    seed: options.seed,
    rpm: options.rpm,
    tpm: options.tpm,
    batch: options.batch,
    onWarning: options.onWarning,
    audioSnippets,
  });
  return {
    provider: gemini.provider,
    model: options.model,
    // A port per conversation: it makes the conversation's caches, and deletes them when closed.
    forSession: () => gemini.forConversation(),
    deleteUploads: () => gemini.deleteUploads(),
    deleteLeftoverCaches: () => gemini.deleteLeftoverCaches(),
    deleteCaches: () => gemini.deleteCaches(),
    audioSnippets,
  };
}

/** A chat-completions server: a port per conversation, so each reads its media once. */
async function openAiCompatibleModels(options: ModelFactoryOptions): Promise<CommandModels> {
  const { createOpenAiCompatibleModel, OPENAI_COMPATIBLE_PROVIDER } = await import(
    '@tp2dg/provider-openai-compatible'
  );
  const settings = {
    model: options.model,
    baseUrl: options.baseUrl,
    env: options.env,
    jsonSchema: options.jsonSchema ?? false,
    temperature: options.temperature,
    maxOutputTokens: options.maxOutputTokens,
    timeoutMs: options.timeoutMs,
    maxAttempts: options.maxAttempts,
  };
  // Built once here so a missing or bad base URL stops the command before any session starts.
  createOpenAiCompatibleModel(settings);
  return {
    provider: OPENAI_COMPATIBLE_PROVIDER,
    model: options.model,
    forSession: () => createOpenAiCompatibleModel(settings),
  };
}
