import { FlagOptionSchema, SessionBuildingOptionsSchema } from '@tp2dg/data-loaders';
import { z } from 'zod';
import { layoutNames } from '../layout/corpus-layouts.js';

/**
 * The lastfm loader's own options (`--source-option key=value` or `--source-config FILE`),
 * with the session-building options every loader shares. Unknown names are refused, so a
 * typo fails the run instead of being ignored.
 */
export const lastfmOptionsSchema = z.strictObject({
  ...SessionBuildingOptionsSchema.shape,
  /** The corpus directory; `--data DIR` when absent. Relative paths resolve against the working directory. */
  dir: z.string().min(1).optional(),
  /** Which corpus the directory holds; found from the events file's name when `auto`. */
  layout: z.enum(['auto', ...layoutNames]).default('auto'),
  /** Cut sessions at a silence of more than this many minutes instead of per UTC day. */
  sessionGap: z.coerce.number().positive().optional(),
  /** A Music4All directory whose metadata, lyrics and clips enrich tracks, joined on track id. */
  music4all: z.string().min(1).optional(),
  /** Fail on the first awkward row (naming file and line) instead of skipping and counting it. */
  strict: FlagOptionSchema.default(false),
});

export type LastfmOptions = z.output<typeof lastfmOptionsSchema>;
