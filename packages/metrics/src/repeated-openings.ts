import { z } from 'zod';
import { ProportionSchema, proportion } from './statistics.js';
import { tally } from './tally.js';
import { checkWordCount } from './words.js';

/** Words an opening is made of by default: enough to pass "I'm looking for", short enough to catch a template. */
export const OPENING_WORDS = 4;

/** Openings listed: the worst offenders, not a catalogue. */
export const LISTED_OPENINGS = 5;

export const RepeatedOpeningsSchema = z.object({
  /** The number of first words that make an opening. */
  words: z.number().int().min(1),
  /** Conversations whose opening another conversation has too, out of those whose first Listener message has a word. */
  conversations: ProportionSchema,
  /** The openings of more than one conversation, most frequent first (then alphabetical), at most `LISTED_OPENINGS`. */
  most_repeated: z.array(z.object({ opening: z.string(), conversations: z.number().int().min(2) })),
});
export type RepeatedOpenings = z.infer<typeof RepeatedOpeningsSchema>;

/**
 * How many conversations open like another: the opening of a conversation is the first
 * `openingWords` words of its first Listener message (all of them when it has fewer), and it
 * is repeated when another conversation's opening is the same words.
 */
export function repeatedOpenings(
  firstListenerMessages: readonly (readonly string[])[],
  openingWords: number = OPENING_WORDS,
): RepeatedOpenings {
  checkWordCount(openingWords, 'openingWords');
  const openings = firstListenerMessages
    .filter((words) => words.length > 0)
    .map((words) => words.slice(0, openingWords).join(' '));
  const repeated = tally(openings).filter(([, conversations]) => conversations > 1);
  const sharing = repeated.reduce((total, [, conversations]) => total + conversations, 0);
  return {
    words: openingWords,
    conversations: proportion(sharing, openings.length),
    most_repeated: repeated
      .slice(0, LISTED_OPENINGS)
      .map(([opening, conversations]) => ({ opening, conversations })),
  };
}
