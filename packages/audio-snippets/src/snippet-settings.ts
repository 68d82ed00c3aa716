/**
 * Where a snippet starts in its clip: at the beginning, centred, or this many seconds in. An
 * offset too late for a whole snippet takes the clip's last `seconds` instead.
 */
export type SnippetOffset = 'start' | 'middle' | number;

/** What the model hears of each audio clip. */
export interface SnippetSettings {
  /** Length of the snippet; a shorter clip is used whole. */
  seconds: number;
  offset: SnippetOffset;
}

/** Every snippet is 16 kHz mono 16-bit PCM WAV, as the TalkPlayData 2 paper fed its model. */
export const SNIPPET_SAMPLE_RATE = 16_000;

/**
 * The paper's 3 s. `middle`: the paper does not say where its snippets start, and the start
 * of a clip is its weakest part: a preview fades in, a whole track opens on an intro or
 * silence. The middle lands in the body of the music for both.
 */
export const DEFAULT_SNIPPET_SETTINGS: Readonly<SnippetSettings> = Object.freeze({
  seconds: 3,
  offset: 'middle',
});

/**
 * Reads `start`, `middle` or a number of seconds (`12.5`), as `--clip-offset` takes it; throws
 * an Error saying what is accepted otherwise.
 */
export function parseSnippetOffset(text: string): SnippetOffset {
  if (text === 'start' || text === 'middle') return text;
  const seconds = text.trim() === '' ? Number.NaN : Number(text);
  if (!(Number.isFinite(seconds) && seconds >= 0)) {
    throw new Error(
      `must be start, middle or a number of seconds of at least 0 (got ${JSON.stringify(text)})`,
    );
  }
  return seconds;
}
