import { SessionBuildingOptionsSchema } from '@tp2dg/data-loaders';
import { z } from 'zod';

/** `true`/`false` from the command line, where every value is a string. */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((value) => value === true || value === 'true' || value === '1' || value === 'yes');

/** `--source-option` keys of the mpd loader, on top of the shared session-building ones. */
export const MpdOptionsSchema = z.strictObject({
  ...SessionBuildingOptionsSchema.shape,
  /** The MPD directory (its root or its `data/`); `--data DIR` when absent. Relative to the working directory. */
  dir: z.string().min(1).optional(),
  /** `slices`: the mpd.slice.*.json files. `challenge`: challenge_set.json (seed tracks only, no pool of its own). */
  set: z.enum(['slices', 'challenge']).default('slices'),
  /** Fail on the first unreadable slice or playlist (naming file and record) instead of skipping and counting it. */
  strict: flag.default(false),
});
export type MpdOptions = z.output<typeof MpdOptionsSchema>;
