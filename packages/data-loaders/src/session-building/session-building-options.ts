import { z } from 'zod';

/** The paper's number of "previously liked" tracks, used when a caller gives none. */
export const DEFAULT_PROFILE_SIZE = 5;

/**
 * The pool when `poolSize` is not given: the rest of the session, but at most this many, the
 * largest pool of the paper (its pools hold 21 to 32 tracks). A Last.fm day or an MPD playlist
 * can hold hundreds of tracks; every pool track is sent to the Recsys in each turn, so an
 * uncapped pool would make prompts grow without bound.
 */
export const DEFAULT_POOL_CAP = 32;

const wholeNumber = (minimum: number) => z.coerce.number().int().min(minimum);
/** A day as `YYYY-MM-DD` that is on the calendar. */
export const CalendarDateSchema = z.iso.date({ error: 'expected a date as YYYY-MM-DD on the calendar' });
/** A yes/no option: `true`/`false` (also `1`/`0`, `yes`/`no`) from the command line, a boolean from a config file. */
export const FlagOptionSchema = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((value) => value === true || value === 'true' || value === '1' || value === 'yes');

/** `a,b,c` from `--source-option users=a,b,c`, or a JSON array from a config file. */
const userList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((value) =>
    (typeof value === 'string' ? value.split(',') : value.map(String))
      .map((userId) => userId.trim())
      .filter((userId) => userId.length > 0),
  );

/**
 * Options every loader shares, on top of `profileSize` and `poolSize` of spec v1. Values may
 * arrive as strings (`--source-option minPool=3`), so numbers are coerced. A loader merges
 * `.shape` into its own options schema; the names are the same for every corpus.
 */
export const SessionBuildingOptionsSchema = z.object({
  /** Fraction of sessions kept, decided per session id so it works while streaming. */
  sample: z.coerce.number().gt(0).max(1).default(1),
  /** Seed of the sampling: another seed keeps another subset of the same size. */
  sampleSeed: z.coerce.string().default('0'),
  /**
   * Sessions whose pool would be smaller are skipped (reported through onSkip). When absent,
   * the run's `minPoolSize` (tp2dg-generate passes its turn count), else 1.
   */
  minPool: wholeNumber(1).optional(),
  /** Only sessions on or after this day (YYYY-MM-DD, UTC); sessions without a date are left out. */
  dateFrom: CalendarDateSchema.optional(),
  /** Only sessions on or before this day (YYYY-MM-DD, UTC); sessions without a date are left out. */
  dateTo: CalendarDateSchema.optional(),
  /** Only sessions of these users. */
  users: userList.optional(),
});

/** The shared options after parsing, defaults filled in. */
export type SessionBuildingOptions = z.output<typeof SessionBuildingOptionsSchema>;
