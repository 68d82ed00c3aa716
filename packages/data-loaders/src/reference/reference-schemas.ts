import { z } from 'zod';
import { dateInSessionId } from '../session-building/date-in-session-id.js';
import { CalendarDateSchema } from '../session-building/session-building-options.js';
import { createUserDemographics } from '../session-building/user-demographics.js';

/** Ids may be written as numbers (Last.fm user ids) or strings; the loader uses strings. */
/** An id written as a string or a number, kept as a string. */
export const IdSchema = z.union([z.string().min(1), z.number()]).transform(String);

// Real exports write `null` for a missing field as often as they leave it out.
const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
const optionalNumber = z
  .number()
  .nullish()
  .transform((value) => value ?? undefined);

/** A demographic the corpus may not know: null, absent or blank reads as unknown. */
const demographic = z.string().nullish();

export const ReferenceUserSchema = z
  .object({
    user_id: IdSchema,
    /** In years; a value that is not a whole number of at least 0 reads as unknown. */
    age: z.number().nullish(),
    age_group: demographic,
    gender: demographic,
    country: demographic,
    preferred_language: demographic,
  })
  .transform(({ user_id, ...values }) => createUserDemographics(user_id, values));

export const ReferenceTrackSchema = z.object({
  track_id: IdSchema,
  title: z.string(),
  artist: z.string(),
  album: optionalString,
  genre: optionalString,
  tags: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  lyrics: optionalString,
  release_date: optionalString,
  tempo: optionalNumber,
  key: optionalString,
  popularity: optionalNumber,
  audio_path: optionalString,
  image_path: optionalString,
});
export type ReferenceTrack = z.infer<typeof ReferenceTrackSchema>;

/**
 * A session. Its day is `session_date` when given, else the one its id ends in by the paper's
 * convention (`u01__2019-01-07`); without either it is undated.
 */
export const ReferencePlaylistSchema = z
  .object({
    user_id: IdSchema,
    session_id: IdSchema,
    session_date: CalendarDateSchema.nullish(),
    track_ids: z.array(IdSchema),
  })
  .transform(({ session_date, ...playlist }) => ({
    ...playlist,
    date: session_date ?? dateInSessionId(playlist.session_id),
  }));
export type ReferencePlaylist = z.infer<typeof ReferencePlaylistSchema>;

/** Each file's top-level key and record schema, and the field that names a record in errors. */
export const referenceFiles = {
  users: { fileName: 'users.json', key: 'users', idField: 'user_id', schema: ReferenceUserSchema },
  tracks: { fileName: 'tracks.json', key: 'tracks', idField: 'track_id', schema: ReferenceTrackSchema },
  playlists: {
    fileName: 'playlists.json',
    key: 'sessions',
    idField: 'session_id',
    schema: ReferencePlaylistSchema,
  },
} as const;
