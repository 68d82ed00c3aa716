import { FlagOptionSchema, SessionBuildingOptionsSchema } from '@tp2dg/data-loaders';
import { z } from 'zod';

/** `--source-option` keys of the jsonl loader, on top of the shared session-building ones. */
export const JsonlOptionsSchema = z.strictObject({
  ...SessionBuildingOptionsSchema.shape,
  /** The data directory; `--data DIR` when absent. Relative to the working directory. */
  dir: z.string().min(1).optional(),
  /** The sessions file, relative to the data directory (or absolute); `sessions.jsonl` by default. */
  file: z.string().min(1).default('sessions.jsonl'),
  /**
   * What an unreadable line does: by default it is reported through onSkip (as
   * `<file>:<line>`) and reading goes on; with `strict=true` it stops the run with an error
   * naming the file and line.
   */
  strict: FlagOptionSchema.default(false),
});
export type JsonlOptions = z.output<typeof JsonlOptionsSchema>;
