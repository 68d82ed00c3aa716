import { type Proportion, proportion } from './statistics.js';
import { checkWordCount, wordSequenceStarts } from './words.js';

/** Words a verbatim opening must repeat by default: more than a greeting or "I love the" shares by chance. */
export const VERBATIM_OPENING_WORDS = 4;

/** A message and the message spoken just before it in its conversation, as words. */
export interface MessageAfter {
  previous: readonly string[];
  message: readonly string[];
}

/**
 * How many messages open by repeating the previous message verbatim: their first
 * `openingWords` words occur in the previous message as adjacent words, in the same order.
 * Out of the messages with a previous message and at least `openingWords` words.
 */
export function verbatimOpenings(
  messages: readonly MessageAfter[],
  openingWords: number = VERBATIM_OPENING_WORDS,
): Proportion {
  checkWordCount(openingWords, 'openingWords');
  const measured = messages.filter(({ message }) => message.length >= openingWords);
  const verbatim = measured.filter(
    ({ previous, message }) => wordSequenceStarts(previous, message.slice(0, openingWords)).length > 0,
  );
  return proportion(verbatim.length, measured.length);
}
