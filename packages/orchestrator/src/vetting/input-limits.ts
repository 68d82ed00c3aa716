/** 2^20 bytes: the megabyte of `--max-audio-mb` and `--max-image-mb`, as `ls -lh` counts it. */
export const MEGABYTE = 1024 * 1024;

/**
 * What a run takes from a corpus, checked as each session is taken, before its calls. Every
 * Recsys turn re-sends the pool's media and every call the tracks' text, so one oversized
 * field costs on every call of every session that holds the track.
 */
export interface InputLimits {
  /** Largest audio clip in bytes: a preview clip is well under it; more is a whole track or a wrong file. */
  maxAudioBytes: number;
  /** Largest cover image in bytes. */
  maxImageBytes: number;
  /** Longest text field (title, artist, album, tag, demographic ...) in characters; longer ones are cut. */
  maxTextChars: number;
  /** Longest lyrics in characters; longer ones are cut. */
  maxLyricsChars: number;
  /**
   * Refuse what the run would otherwise repair: text over its cap (cut otherwise) and media
   * whose name says another type than its content (sent as the content's type otherwise).
   */
  strict: boolean;
}

export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxAudioBytes: 20 * MEGABYTE,
  maxImageBytes: 7 * MEGABYTE,
  maxTextChars: 4_000,
  maxLyricsChars: 20_000,
  strict: false,
});
