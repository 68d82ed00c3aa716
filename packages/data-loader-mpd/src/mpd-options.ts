import { FlagOptionSchema, SessionBuildingOptionsSchema } from '@tp2dg/data-loaders';
import { z } from 'zod';

/** `--source-option` keys of the mpd loader, on top of the shared session-building ones. */
export const MpdOptionsSchema = z.strictObject({
  ...SessionBuildingOptionsSchema.shape,
  /** The MPD directory (its root or its `data/`); `--data DIR` when absent. Relative to the working directory. */
  dir: z.string().min(1).optional(),
  /** `slices`: the mpd.slice.*.json files. `challenge`: challenge_set.json (seed tracks only, no pool of its own). */
  set: z.enum(['slices', 'challenge']).default('slices'),
  /** Fail on the first unreadable slice or playlist (naming file and record) instead of skipping and counting it. */
  strict: FlagOptionSchema.default(false),
});
export type MpdOptions = z.output<typeof MpdOptionsSchema>;
