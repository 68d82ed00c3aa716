import {
  CalendarDateSchema,
  RecordIdSchema as IdSchema,
  TrackRecordSchema,
  UserRecordSchema,
} from '@tp2dg/data-loaders';
import { z } from 'zod';

/** The format name every sessions file declares on its first line. */
export const JSONL_FORMAT = 'tp2dg-sessions';
/** The one version this loader reads; a file of another version is refused with advice. */
export const JSONL_VERSION = 1;

/** Line 1 of a sessions file: which format and version the rest of the file follows. */
export const HeaderLineSchema = z.object({
  format: z.literal(JSONL_FORMAT),
  version: z.literal(JSONL_VERSION),
  /** Names the corpus in output paths; the directory's name when absent. */
  corpus: z.string().min(1).optional(),
  /** A side file of tracks, one per line, relative to the data directory. */
  tracks_file: z.string().min(1).optional(),
  /** Free text: where the data came from, how it was converted. */
  description: z.string().optional(),
});
export type HeaderLine = z.infer<typeof HeaderLineSchema>;

/**
 * A session line: its user and its tracks in listening or playlist order, either inline
 * (`tracks`) or as ids of the side file (`track_ids`), never both.
 */
export const SessionLineSchema = z
  .object({
    session_id: IdSchema,
    user: UserRecordSchema,
    /** The session's day (UTC), for the dateFrom/dateTo filters. */
    date: CalendarDateSchema.optional(),
    tracks: z.array(TrackRecordSchema).optional(),
    track_ids: z.array(IdSchema).optional(),
  })
  .refine((line) => (line.tracks === undefined) !== (line.track_ids === undefined), {
    message: 'give either "tracks" (inline) or "track_ids" (ids of the tracks file), not both or neither',
  });
export type SessionLine = z.infer<typeof SessionLineSchema>;

/** A line of the tracks side file: the same track record as inline tracks. */
export const TrackLineSchema = TrackRecordSchema;
