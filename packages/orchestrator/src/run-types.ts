import type { ResponseFormat } from '@tp2dg/agents';
import type { SnippetMaker } from '@tp2dg/audio-snippets';
import type { DataLoaderOptionsV1, DataLoaderPluginV1 } from '@tp2dg/data-loaders';
import type {
  AgentName,
  GoalTemplate,
  MediaTypes,
  ModelPort,
  PriceTable,
  Session,
  SessionFile,
  Shard,
  TokenUsage,
} from '@tp2dg/entities';
import type { ModelCapabilitiesV1 } from '@tp2dg/model-providers';
import type { PromptSet } from '@tp2dg/prompts';
import type { RunSettings } from './manifest/run-manifest.js';
import type { SizeRange } from './size-range.js';
import type { InputLimits } from './vetting/input-limits.js';

/** Gives each session its model: one shared client, or a simulated model fed that session. */
export interface ModelFactory {
  readonly provider: string;
  /**
   * What the run needs to know of the backend: a free and deterministic one (the simulated
   * model) is neither journaled nor priced; any other is both.
   */
  readonly capabilities: Pick<ModelCapabilitiesV1, 'freeAndDeterministic'>;
  /** Names the model folder of the output layout. */
  readonly model: string;
  /** The model of one conversation; its `close` is called once that conversation ends, however it ends. */
  forSession(session: Session): ModelPort;
}

export interface RunGenerationOptions {
  plugin: DataLoaderPluginV1;
  loaderOptions: Omit<DataLoaderOptionsV1, 'onSkip'>;
  models: ModelFactory;
  prompts: PromptSet;
  catalog: readonly GoalTemplate[];
  outputDir: string;
  turns: number;
  seed: number;
  responseFormat: ResponseFormat;
  /** The language the Listener, the Recsys and the goal's examples write in (`--language`). */
  language: string;
  /** Recommendations reach the Listener with their lyrics excerpt (`--listener-lyrics`); off when absent. */
  listenerLyrics?: boolean;
  maxReasks: number;
  /** Resends of a blocked request per agent turn, apart from the re-asks (`--max-blocked-retries`). */
  maxBlockedRetries: number;
  /**
   * Saves a conversation that cannot reach its turn count with its complete turns, labelled in
   * `ended_early` (`--keep-short`), instead of failing the session; off by default.
   */
  keepShort?: boolean;
  /** How many sessions to take from the corpus (from the shard, when given); all when absent. */
  sessions?: number;
  /**
   * A ceiling in USD at list prices: no conversation starts that would pass it (`--max-cost`).
   * Refused for a model the price table has no price for.
   */
  maxCostUsd?: number;
  /** The list prices of the ceiling and of each conversation's cost (the provider's); absent, no model has one. */
  prices?: PriceTable;
  /** The wall clock: each call is priced at its day's list prices, and each conversation dated. */
  today?: () => Date;
  /** Only the sessions of this part of the corpus (`--shard i/n`). */
  shard?: Shard;
  /**
   * What the run takes from the corpus: media size caps, text caps, and whether to refuse
   * instead of repair (`DEFAULT_INPUT_LIMITS` when absent). Checked as each session is taken.
   */
  inputLimits?: InputLimits;
  /**
   * The media the model takes, by extension (its provider's declaration): each media file must
   * hold one, and is sent as its type. `STANDARD_MEDIA_TYPES` of the entities when absent.
   */
  mediaTypes?: MediaTypes;
  /**
   * The snippets the model hears in place of whole audio clips (`--clip-seconds`): each is cut
   * (or found in its cache) as its session is taken, and a clip that cannot be decoded stops
   * the run there, before the session's calls. The same maker gives the model port its
   * uploads. Absent, clips are sent as they are.
   */
  audioSnippets?: SnippetMaker;
  /**
   * Sessions generated at the same time (default 1), and the most model calls in flight among
   * them: a conversation's two calls at once (profile and goal, the two primings) share them.
   */
  concurrency?: number;
  /**
   * Failed sessions in a row after which the run stops (default 3): a wrong model name or
   * an outage fails every session, and each failure may already have paid for calls.
   */
  maxConsecutiveFailures?: number;
  /** Starts over: removes what earlier runs left in the run directory (this shard's part only). */
  fresh?: boolean;
  /** The working directory, which `fresh` must never clear; `process.cwd()` when absent. */
  cwd?: string;
  /**
   * Resumes even when settings changed since the run directory was made, which mixes
   * conversations made both ways; the manifest records the change.
   */
  force?: boolean;
  /** What the run manifest records besides the settings the orchestrator knows. */
  manifest?: RunManifestInput;
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  now?: () => number;
}

export interface RunManifestInput {
  /** More settings that shape the conversations (temperature ...): a resume must match them too. */
  settings: RunSettings;
  /** Options that only shape how the run goes (concurrency, limits ...): free to change. */
  runOptions: Record<string, unknown>;
  /** Versions of the packages that run, by name. */
  versions: Record<string, string>;
}

export type RunEvent =
  /** `total`: the sessions the run will take, when the loader can count them (approximate for a shard). */
  | { type: 'run-started'; total: number | undefined }
  | {
      type: 'session-written';
      sessionId: string;
      folder: string;
      turns: number;
      /** Set when `keepShort` saved it with fewer turns: the call that stopped it. */
      endedEarly: SessionFile['ended_early'];
      /** Calls this run paid for; `replayedCalls` more were answered from the session's journal. */
      calls: number;
      replayedCalls: number;
      model: string;
      usage: TokenUsage;
      /** USD at list prices of the calls this run paid for; 0 when simulated, null when the model has no price. */
      costUsd: number | null;
    }
  | { type: 'session-exists'; sessionId: string; folder: string }
  | {
      type: 'session-failed';
      sessionId: string;
      /** The agent and turn whose call failed the session, when it was one call. */
      agent: AgentName | null;
      turn: number | null;
      code: string;
      reason: string;
    }
  | { type: 'session-skipped'; sessionId: string; reason: string }
  /** Something the user should know that does not stop the run (a file kept, a lock taken over ...). */
  | { type: 'warning'; message: string };

export interface RunReport {
  corpusRoot: string;
  written: number;
  /** Of those written, the ones `keepShort` saved with fewer turns than asked. */
  keptShort: number;
  existing: number;
  failed: number;
  skipped: number;
  /** Model calls this run made and paid for. */
  calls: number;
  /** Calls of resumed conversations answered from their journals instead. */
  replayedCalls: number;
  usage: TokenUsage;
  /** USD spent at list prices by the conversations written (0 for simulated ones). */
  spentUsd: number;
  /** True when `maxCostUsd` held back sessions that were left to generate. */
  budgetReached: boolean;
  /** Distinct text fields (a track's title, a user's country ...) cut to their caps. */
  textFieldsCut: number;
  /** Pool sizes of the conversations written (the paper's are 21 to 32 tracks); null when none was. */
  poolSizes: SizeRange | null;
}
