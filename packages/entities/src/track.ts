import { z } from 'zod';

/**
 * A track. Loaders emit media paths absolute and inside the corpus root; saved files hold
 * them relative to that root.
 */
export const TrackSchema = z.object({
  track_id: z.string().min(1),
  title: z.string(),
  artist: z.string(),
  album: z.string().optional(),
  tags: z.array(z.string()).default([]),
  lyrics: z.string().optional(),
  release_date: z.string().optional(),
  tempo: z.number().optional(),
  key: z.string().optional(),
  popularity: z.number().optional(),
  audio_path: z.string().optional(),
  image_path: z.string().optional(),
  /**
   * The MIME type the audio clip is sent as, found in its content when a run checks the
   * session (it wins over the extension, which may lie). Loaders leave it out.
   */
  audio_mime_type: z.string().optional(),
  /** The same for the cover image. */
  image_mime_type: z.string().optional(),
});
export type Track = z.infer<typeof TrackSchema>;
