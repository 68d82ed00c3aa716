/**
 * C0 controls (newlines included), DEL and C1 controls: a corpus string holding them could
 * move the cursor, recolour or clear a terminal, or split one line of a log into two.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * One line of text as it may reach a terminal or a log: every control character written as a
 * visible `\uXXXX` escape, which is also how JSON spells it, so a JSON line stays valid JSON.
 */
export function printable(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
