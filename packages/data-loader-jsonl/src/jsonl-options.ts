import { SessionBuildingOptionsSchema } from '@tp2dg/data-loaders';
import { z } from 'zod';

/** `--source-option` keys of the jsonl loader, on top of the shared session-building ones. */
export const JsonlOptionsSchema = z.strictObject({
  ...SessionBuildingOptionsSchema.shape,
  /** The sessions file, relative to --data DIR (or absolute); `sessions.jsonl` by default. */
  file: z.string().min(1).default('sessions.jsonl'),
  /**
   * What an unreadable line does: `skip` reports it through onSkip (as `<file>:<line>`) and
   * goes on; `fail` stops with an error naming the file and line.
   */
  badLines: z.enum(['skip', 'fail']).default('skip'),
});
export type JsonlOptions = z.output<typeof JsonlOptionsSchema>;
