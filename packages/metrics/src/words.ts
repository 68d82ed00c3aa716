import { Tp2dgError } from '@tp2dg/entities';

/**
 * Unicode word segmentation, so texts written without spaces (Japanese, Chinese, Thai) still
 * split into words. The root locale: a run may hold any language.
 */
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** The typographic apostrophe read as the plain one, so `I’m` and `I'm` are the same words. */
export function plainApostrophes(text: string): string {
  return text.replaceAll('\u2019', "'");
}

/**
 * The words of a text as every metric counts them: its word-like segments (punctuation and
 * spaces are not words), lowercased, apostrophes plain.
 */
export function words(text: string): string[] {
  const found: string[] = [];
  for (const segment of segmenter.segment(plainApostrophes(text))) {
    if (segment.isWordLike) found.push(segment.segment.toLowerCase());
  }
  return found;
}

/** Whether `needle` occurs in `haystack` as adjacent words, in order, starting at `start`. */
function wordsAt(haystack: readonly string[], needle: readonly string[], start: number): boolean {
  return needle.length > 0 && needle.every((word, offset) => haystack[start + offset] === word);
}

/** Where `needle` starts in `haystack`, as adjacent words in order; empty for an empty needle. */
export function wordSequenceStarts(haystack: readonly string[], needle: readonly string[]): number[] {
  const starts: number[] = [];
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (wordsAt(haystack, needle, start)) starts.push(start);
  }
  return starts;
}

/** A number of words a metric is asked to look at: a whole number from 1, or a `Tp2dgError`. */
export function checkWordCount(count: number, parameter: string): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `${parameter} must be a whole number of words from 1, got ${count}`,
    );
  }
}
