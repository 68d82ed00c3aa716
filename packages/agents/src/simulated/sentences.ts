/** A stop that ends a sentence, possibly inside closing quotes or brackets. */
const ENDS_A_SENTENCE = /[.!?…]["'”’)\]]*$/u;

/**
 * `text` as a sentence of its own: trimmed, its first letter a capital and a full stop at its
 * end unless it ends with one already. The goal catalog's examples are chat-style fragments
 * ("bring it up a little"), which would otherwise run into the sentence after them.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.replace(/^(\P{L}*)(\p{Ll})/u, (_, lead: string, letter: string) => {
    return lead + letter.toUpperCase();
  });
  return ENDS_A_SENTENCE.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Sentences written one after another, each made whole by `asSentence`. */
export function joinSentences(parts: readonly string[]): string {
  return parts.map(asSentence).join(' ');
}
