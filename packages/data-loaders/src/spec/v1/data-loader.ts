import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Session } from '@tp2dg/entities';

/** How a session is cut into what the Listener knows and what the Recsys may recommend. */
export interface SessionSplitOptions {
  /** Tracks shown to the Listener as "previously liked"; the paper uses 5. */
  profileSize: number;
  /** Upper bound on the pool; the rest of the session after profiling when absent. */
  poolSize?: number;
  /**
   * The smallest pool a session may have; a shorter session is skipped (`onSkip`). tp2dg-generate
   * passes its turn count, so every session it takes can make all its turns (no track is
   * recommended twice). The shared `minPool` option overrides it; 1 when both are absent.
   * Optional since v1 grew it: a loader that ignores it yields shorter sessions, whose
   * conversations then have as many turns as their pool has tracks.
   */
  minPoolSize?: number;
}

/** A session a loader passed over, with the reason; the run counts these. */
export interface SkippedSession {
  sessionId: string;
  reason: string;
}

export interface DataLoaderOptionsV1 extends SessionSplitOptions {
  /** The corpus directory; media paths resolve against it and may not leave it. */
  dataDir?: string;
  /**
   * Called for each session the loader passes over instead of failing the run (e.g. too
   * short for `profileSize` + 1 tracks), at most once per session per loader, when
   * iteration reaches it. The run counts these; they are never yielded.
   */
  onSkip?: (skipped: SkippedSession) => void;
  /**
   * The loader's own options (`--source-option key=value`, `--source-config FILE`), as given:
   * strings from the command line, JSON values from a config file. The loader validates them
   * against its `optionsSchema` (see `parseLoaderOptions`). Optional since v1 grew it.
   */
  sourceOptions?: Readonly<Record<string, unknown>>;
}

/**
 * Spec v1 of a data loader. The required core is `sessions()`; `count()` and `close()`
 * are optional capabilities. Loaders throw `Tp2dgError` with a message that names the
 * file, the record and the fix, preferably from `create` so a bad corpus fails the run
 * before anything is written. `@tp2dg/data-loaders/test` checks all of this.
 */
export interface DataLoaderV1 {
  readonly specificationVersion: 'v1';
  /** The loader's name, e.g. `reference`. */
  readonly id: string;
  /** Names the corpus in output paths: `<out>/<model>/<corpus>/...`. */
  readonly corpus: string;
  /**
   * The sessions, each valid against `SessionSchema`: `profileSize` profiling tracks, a
   * non-empty pool of at most `poolSize`, no track twice, unique session ids, media paths
   * absolute and inside `dataDir`. Iterating again yields the same sessions in the same order.
   */
  sessions(): AsyncIterable<Session>;
  /** How many sessions `sessions()` yields (skipped ones excluded), for progress and limits. */
  count?(): Promise<number>;
  /** Releases files or connections; safe to call more than once. */
  close?(): Promise<void>;
}

export type DataLoaderFactoryV1 = (options: DataLoaderOptionsV1) => DataLoaderV1 | Promise<DataLoaderV1>;

/** What a plugin module exports, as `default` or as `dataLoader`. */
export interface DataLoaderPluginV1 {
  readonly specificationVersion: 'v1';
  readonly name: string;
  readonly description?: string;
  readonly create: DataLoaderFactoryV1;
  /**
   * Optional capability: the schema of `sourceOptions` (zod 4 or any Standard Schema), so a
   * caller can check options before creating the loader and list them in help.
   */
  readonly optionsSchema?: StandardSchemaV1;
  /** Optional capability: the terms of the corpus this loader reads, for the run manifest. */
  readonly licence?: CorpusLicence;
}

/** The terms a corpus is distributed under, as its publisher states them. */
export interface CorpusLicence {
  /** e.g. `CC BY-NC-SA 4.0`, `Spotify Million Playlist Dataset licence`. */
  readonly name: string;
  /** Where the terms are published. */
  readonly url?: string;
  /** Whether the terms allow commercial use of the corpus (and so, arguably, of derived data). */
  readonly commercialUse: boolean;
  /** Whether the corpus, or records copied from it, may be redistributed. */
  readonly redistribution: boolean;
  /** One or two sentences a dataset card can quote: attribution, restrictions. */
  readonly summary: string;
}
