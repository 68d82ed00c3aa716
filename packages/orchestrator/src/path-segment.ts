import { createHash } from 'node:crypto';

/**
 * The longest name an id becomes. Staging folders (`.<name>.partial-<8 hex>`) and journals
 * (`<name>.jsonl`) add at most 18 bytes, so every name tp2dg writes stays well under the
 * 255-byte limit of common filesystems, whatever the corpus's ids.
 */
export const MAX_SEGMENT_BYTES = 120;

/** encodeURIComponent never emits it, so a shortened name can never equal a name kept whole. */
const HASH_SEPARATOR = '+';
/** 128 bits of SHA-256: two long ids sharing a prefix will not share a name. */
const HASH_LENGTH = 32;

/**
 * Turns an id from a corpus into one safe path segment: ids come from files we do not
 * control, and `../x` or `a/b` must not steer where a conversation is written. The id is
 * percent-encoded; a leading dot is encoded too, so `.` and `..` cannot occur and no output
 * looks like a hidden staging folder (which readers skip). An encoding longer than
 * `MAX_SEGMENT_BYTES` becomes a readable prefix of whole characters, `+`, and a hash of the
 * whole encoding: the same on every run, distinct for distinct ids. The id itself is kept in
 * the files written (`session.json`).
 */
export function pathSegment(id: string): string {
  const characters = Array.from(id, (character, index) =>
    index === 0 && character === '.' ? '%2E' : encodeCharacter(character),
  );
  const encoded = characters.join('');
  if (encoded.length <= MAX_SEGMENT_BYTES) return encoded;
  const hash = createHash('sha256').update(encoded).digest('hex').slice(0, HASH_LENGTH);
  const budget = MAX_SEGMENT_BYTES - HASH_SEPARATOR.length - HASH_LENGTH;
  let prefix = '';
  for (const character of characters) {
    if (prefix.length + character.length > budget) break;
    prefix += character;
  }
  return `${prefix}${HASH_SEPARATOR}${hash}`;
}

/**
 * One code point, percent-encoded. A lone surrogate (JSON strings may hold one) has no UTF-8
 * form and makes encodeURIComponent throw; its generalized UTF-8 bytes keep it apart from
 * every well-formed character, so distinct ids still get distinct names.
 */
function encodeCharacter(character: string): string {
  const unit = character.charCodeAt(0);
  if (character.length === 2 || unit < 0xd800 || unit > 0xdfff) return encodeURIComponent(character);
  const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
  return bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
}
