import { createSnippetMaker } from '@tp2dg/audio-snippets';
import {
  MediaFactsSchema,
  MediaResolutionSchema,
  ServiceTierSchema,
  ThinkingFactsSchema,
  Tp2dgError,
} from '@tp2dg/entities';
import type {
  ModelCapabilitiesV1,
  ModelProviderPluginV1,
  ModelProviderReleaseV1,
} from '@tp2dg/model-providers';
import { z } from 'zod';
import { createGeminiAdapter } from './create-gemini-adapter.js';
import { GEMINI_PROVIDER, type GeminiAdapter } from './gemini-adapter.js';

const count = z.number().int().positive();
const file = z.string().min(1);

/**
 * `--provider-option` / `--provider-config` of `--provider gemini`: the adapter's options that
 * are data (see `GeminiAdapterOptions`); the CLI's Gemini flags (`--service-tier`, `--mode batch`,
 * `--context-cache`, `--rpm` ...) set them too. Keys come from `GEMINI_API_KEY` only.
 */
export const GeminiProviderOptionsSchema = z.strictObject({
  baseUrl: z.url().optional(),
  modelFacts: z.object({ media: MediaFactsSchema, thinking: ThinkingFactsSchema }).optional(),
  mediaResolution: MediaResolutionSchema.optional(),
  serviceTier: ServiceTierSchema.optional(),
  flexTimeoutMs: count.optional(),
  flexMaxAttempts: count.optional(),
  flexFallback: z.number().int().min(0).optional(),
  thinkingBudget: z.number().int().min(0).optional(),
  explicitCacheMinTokens: count.optional(),
  uploadLedger: file.optional(),
  cacheLedger: file.optional(),
  mediaHashes: file.optional(),
  batch: z
    .strictObject({
      ledger: file.optional(),
      settleMs: z.number().min(0).optional(),
      maxRequests: count.optional(),
      inlineLimitBytes: count.optional(),
      pollIntervalMs: count.optional(),
      maxPollIntervalMs: count.optional(),
    })
    .optional(),
  rpm: count.optional(),
  tpm: count.optional(),
  /** Audio clips go as snippets of `seconds` from `offset`, kept in `cacheDir` for later runs. */
  snippets: z
    .strictObject({
      seconds: z.number().positive(),
      offset: z.union([z.enum(['start', 'middle']), z.number().min(0)]),
      cacheDir: file,
    })
    .optional(),
});
export type GeminiProviderOptions = z.infer<typeof GeminiProviderOptionsSchema>;

/** What every provider of the plugin has, whatever its options: the run's price table prices it. */
const FIXED_CAPABILITIES = {
  media: [
    { mimeType: 'image/*', delivery: 'file-upload' },
    { mimeType: 'audio/*', delivery: 'file-upload' },
  ],
  jsonSchemaReplies: true,
  systemInstructions: true,
  prices: 'price-table',
  freeAndDeterministic: false,
} satisfies Omit<ModelCapabilitiesV1, 'caching' | 'batch'>;

function capabilitiesOf(options: GeminiProviderOptions): ModelCapabilitiesV1 {
  return {
    ...FIXED_CAPABILITIES,
    caching: options.explicitCacheMinTokens === undefined ? 'implicit' : 'explicit',
    batch: options.batch !== undefined,
  };
}

/** What a run leaves on the service: caches earlier runs left, and with `deleteAll` every upload and cache. */
function releaseOf(gemini: GeminiAdapter): ModelProviderReleaseV1 {
  return {
    async afterRun() {
      const leftovers = await gemini.deleteLeftoverCaches();
      return leftovers > 0 ? [`Deleted ${leftovers} Gemini context cache(s) an earlier run left.`] : [];
    },
    async deleteAll() {
      const uploads = await gemini.deleteUploads();
      const caches = await gemini.deleteCaches();
      return [
        `Deleted ${uploads} file(s) this run uploaded to Gemini.`,
        `Deleted ${caches} Gemini context cache(s) tp2dg made on this key.`,
      ];
    },
  };
}

/**
 * The plugin of `--provider gemini`. Exported from the package's main entry, which loads the SDK:
 * the CLI registers it by a loader, so only a Gemini run loads it.
 */
export const geminiProvider: ModelProviderPluginV1<GeminiProviderOptions> = {
  specificationVersion: 'v1',
  name: GEMINI_PROVIDER,
  description: 'Google Gemini through @google/genai: uploads, context caches, batch mode, service tiers.',
  optionsSchema: GeminiProviderOptionsSchema,
  capabilities: FIXED_CAPABILITIES,
  create(options, context) {
    if (!(context.env.GOOGLE_API_KEY || context.env.GEMINI_API_KEY)) {
      throw new Tp2dgError('MISSING_API_KEY', '--provider gemini needs an API key: set GEMINI_API_KEY');
    }
    const { snippets, batch, ...adapterOptions } = options;
    const audioSnippets =
      snippets === undefined
        ? undefined
        : createSnippetMaker({
            settings: { seconds: snippets.seconds, offset: snippets.offset },
            cacheDir: snippets.cacheDir,
          });
    const gemini = createGeminiAdapter({
      ...adapterOptions,
      model: context.model,
      env: context.env,
      seed: context.seed,
      timeoutMs: context.timeoutMs,
      maxAttempts: context.maxAttempts,
      temperature: context.temperature,
      maxOutputTokens: context.maxOutputTokens,
      onWarning: context.onWarning,
      audioSnippets,
      batch:
        batch === undefined
          ? undefined
          : { ...batch, onEvent: (event) => context.onEvent?.({ type: 'batch', ...event }) },
    });
    return {
      specificationVersion: 'v1',
      provider: gemini.provider,
      modelId: context.model,
      capabilities: capabilitiesOf(options),
      // A port per conversation: it makes the conversation's caches, and deletes them when closed.
      forSession: () => gemini.forConversation(),
      release: releaseOf(gemini),
      audioSnippets,
    };
  },
};
