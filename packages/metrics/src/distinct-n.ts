import { type Proportion, proportion } from './statistics.js';
import { checkWordCount } from './words.js';

/** The n-grams of one message's words, each as its words joined by a space (a word holds none). */
function ngrams(words: readonly string[], n: number): string[] {
  return Array.from({ length: Math.max(0, words.length - n + 1) }, (_, start) =>
    words.slice(start, start + n).join(' '),
  );
}

/**
 * distinct-n of a set of messages: distinct n-grams over all n-grams, n-grams taken within each
 * message (never across two). `count` is the distinct n-grams, `out_of` all of them, `share`
 * the ratio; a message shorter than n words adds none.
 */
export function distinctN(messages: readonly (readonly string[])[], n: number): Proportion {
  checkWordCount(n, 'n');
  const all = messages.flatMap((words) => ngrams(words, n));
  return proportion(new Set(all).size, all.length);
}
