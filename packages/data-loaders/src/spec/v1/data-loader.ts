import type { Session } from '@tp2dg/entities';

/** How a session is cut into what the Listener knows and what the Recsys may recommend. */
export interface SessionSplitOptions {
  /** Tracks shown to the Listener as "previously liked"; the paper uses 5. */
  profileSize: number;
  /** Upper bound on the pool; the rest of the session after profiling when absent. */
  poolSize?: number;
}

/** A session a loader passed over, with the reason; the run counts these. */
export interface SkippedSession {
  sessionId: string;
  reason: string;
}

export interface DataLoaderOptionsV1 extends SessionSplitOptions {
  /** The corpus directory; media paths resolve against it and may not leave it. */
  dataDir?: string;
  /** Called for each session the loader passes over instead of failing the run. */
  onSkip?: (skipped: SkippedSession) => void;
}

/**
 * Spec v1 of a data loader. The required core is `sessions()`; `count()` and `close()`
 * are optional capabilities. Loaders throw `Tp2dgError` with a message that names the
 * file, the record and the fix.
 */
export interface DataLoaderV1 {
  readonly specificationVersion: 'v1';
  /** The loader's name, e.g. `reference`. */
  readonly id: string;
  /** Names the corpus in output paths: `<out>/<model>/<corpus>/...`. */
  readonly corpus: string;
  sessions(): AsyncIterable<Session>;
  count?(): Promise<number>;
  close?(): Promise<void>;
}

export type DataLoaderFactoryV1 = (options: DataLoaderOptionsV1) => DataLoaderV1 | Promise<DataLoaderV1>;

/** What a plugin module exports, as `default` or as `dataLoader`. */
export interface DataLoaderPluginV1 {
  readonly specificationVersion: 'v1';
  readonly name: string;
  readonly description?: string;
  readonly create: DataLoaderFactoryV1;
}
