import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { SnippetMaker } from '@tp2dg/audio-snippets';
import type { ModelPort, Session } from '@tp2dg/entities';
import type { ModelCapabilitiesV1 } from './model-capabilities.js';

/**
 * What the app gives every provider it creates, besides the provider's own options: the run's
 * model and call settings, which mean the same to every backend.
 */
export interface ModelProviderContextV1 {
  /** The model asked for (`--model`): sent to the service as is. */
  readonly model: string;
  /** Where keys and service URLs are read when the options give none; never printed. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The run's seed: sent with calls where the service takes one, and seeds offline answers. */
  readonly seed: number;
  /** Limit per call attempt (`--timeout`). */
  readonly timeoutMs: number;
  /** Attempts per call, the first included, on retryable failures (`--max-attempts`). */
  readonly maxAttempts: number;
  /** Sampling temperature; the model's own when absent. */
  readonly temperature?: number | undefined;
  /** Cap on output tokens per call; the model's own when absent. */
  readonly maxOutputTokens?: number | undefined;
  /**
   * The caller's offline model of a session: the agents' simulated model when generating, the
   * simulated judge when evaluating. Only an offline provider (`simulated`) uses it.
   */
  readonly simulatedModel?: (session: Session) => ModelPort;
  /** Told what the user should know that does not stop the run (a ledger line cut short). */
  readonly onWarning?: (message: string) => void;
  /**
   * Told what the provider does as the run goes that the user may want to follow (the jobs of a
   * batch API, as `{type: 'batch', ...}`); the app shows the types it knows and ignores others.
   */
  readonly onEvent?: (event: ModelProviderEventV1) => void;
}

/** Something a provider reports as it goes; `type` says what, the rest is the provider's. */
export interface ModelProviderEventV1 {
  readonly type: string;
  readonly [detail: string]: unknown;
}

/**
 * What a provider leaves on its service between runs and how to delete it (uploaded files,
 * context caches). Each method returns what it did as sentences for the user.
 */
export interface ModelProviderReleaseV1 {
  /** Called once when the run ends, however it ends: deletes what no later run will reuse. */
  afterRun?(): Promise<readonly string[]>;
  /**
   * Asked for by the user (`--cleanup-uploads`), in place of `afterRun`: deletes everything the
   * provider stored, so later runs store it again.
   */
  deleteAll?(): Promise<readonly string[]>;
}

/**
 * Spec v1 of a created model provider: a port per session, its capabilities, and optionally
 * what it must release. `@tp2dg/model-providers/testing` checks all of this.
 */
export interface ModelProviderV1 {
  readonly specificationVersion: 'v1';
  /** Recorded with every call and conversation (`openai-compatible`, `simulated` ...): provenance. */
  readonly provider: string;
  /** The model every port calls; names the model folder of the output layout. */
  readonly modelId: string;
  /** Checked against `ModelCapabilitiesV1Schema` when the provider is created. */
  readonly capabilities: ModelCapabilitiesV1;
  /**
   * The port of one conversation (or one judged conversation); its `close`, when present, is
   * called once that conversation ends, however it ends. Failures throw `Tp2dgError`
   * (`MODEL_API`, `MODEL_AUTH`, `MODEL_NOT_FOUND`, `MODEL_TIMEOUT`, `ABORTED`, `INVALID_INPUT`).
   */
  forSession(session: Session): ModelPort;
  /** Optional: deletes what the provider left on its service. */
  readonly release?: ModelProviderReleaseV1;
  /**
   * Optional: the provider sends snippets of audio clips in place of whole clips. The run cuts
   * each (or finds it in its cache) as the session is taken, so a clip that cannot be decoded
   * stops the run before the session's calls.
   */
  readonly audioSnippets?: SnippetMaker;
}

/**
 * What a plugin module exports, as `default` or as `modelProvider`. `options` are what
 * `optionsSchema` returned from the user's `--provider-option` and `--provider-config`.
 */
export interface ModelProviderPluginV1<Options = Record<string, unknown>> {
  readonly specificationVersion: 'v1';
  /** Short and unique among registered providers: `--provider NAME` finds it when registered. */
  readonly name: string;
  readonly description?: string;
  /**
   * The provider's options (zod 4 or any Standard Schema): checked before `create`, so a typo
   * fails the command at once naming the option. An object schema; `{}` when it takes none.
   */
  readonly optionsSchema: StandardSchemaV1<unknown, Options>;
  /**
   * Optional: the capabilities every provider it creates has, whatever its options, known
   * without creating one (which may need a key, or write). A dry run reads `prices` and
   * `freeAndDeterministic` here; a plugin that declares no `prices` is projected as `unpriced`.
   * What `create` returns must agree, or the command fails with PROVIDER_INVALID.
   */
  readonly capabilities?: Partial<ModelCapabilitiesV1>;
  /** Builds the provider: checks keys and URLs here, so a bad setup fails before any session. */
  create(options: Options, context: ModelProviderContextV1): ModelProviderV1 | Promise<ModelProviderV1>;
}
