import type { Tp2dgErrorCode } from '@tp2dg/entities';

/** What one kind of plugin (data loaders, model providers) is called, named and exported as. */
export interface PluginKind {
  /** How messages name one: `data loader`, `model provider`. */
  noun: string;
  /**
   * Package names tried before the bare source, first-party first: `@tp2dg/data-loader-`,
   * `tp2dg-data-loader-`. The last is the one a user is told to install.
   */
  prefixes: readonly string[];
  /** The exports that may hold the plugin, in order: `default`, then the kind's own name. */
  exportNames: readonly [string, string];
  /** What spec v1 expects, for messages: `a DataLoaderPluginV1 { specificationVersion: 'v1', name, create }`. */
  expected: string;
  /** Thrown when nothing is found, and when what is found is not a plugin. */
  notFoundCode: Tp2dgErrorCode;
  invalidCode: Tp2dgErrorCode;
  /** Why a value is not a plugin of this kind, or undefined when it is one. */
  describeProblem(value: unknown): string | undefined;
}
