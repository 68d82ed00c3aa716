/**
 * C0 controls (newlines included), DEL and C1 controls: a corpus string holding them could
 * move the cursor, recolour or clear a terminal, or split one line of a log into two.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
/** What `JSON.stringify` leaves raw inside strings: it escapes C0 controls only. */
const RAW_IN_JSON = /[\u007f-\u009f]/g;

const escaped = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * One line of text as it may reach a terminal or a log: every control character written as a
 * visible `\uXXXX` escape, which is also how JSON spells it, so a JSON line stays valid JSON.
 */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, escaped);
}

/**
 * `JSON.stringify` for files people read with `cat` or `tail -f`: DEL and C1 controls inside
 * strings are written as escapes too. The value read back is the same.
 */
export function toJsonText(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(RAW_IN_JSON, escaped);
}
