import { eld } from 'eld/small';

/**
 * The languages eld can find (ISO 639-1 codes). Its `small` database: on short chat messages
 * it was right where `extrasmall` missed, and it loads in half a second where `large` takes
 * two (the README has the check).
 */
const DETECTABLE_LANGUAGES: readonly string[] = Object.values(eld.info().Languages);

/**
 * The language a message is written in, as an ISO 639-1 code (`en`), or null when eld is not
 * sure: a text with fewer than three of its n-grams (`ok`, `Yes!`), or whose best score is
 * weak or close to the second's (eld's `isReliable`). A guess on such a text would count as a
 * wrong language as often as not.
 */
export function detectLanguage(text: string): string | null {
  const result = eld.detect(text);
  return result.language !== '' && result.isReliable() ? result.language : null;
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** Each detectable language by its code, its English name and its own name, lowercased. */
const LANGUAGE_NAMES: ReadonlyMap<string, string> = new Map(
  DETECTABLE_LANGUAGES.flatMap((code) => {
    const english = englishNames.of(code);
    const own = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return [code, english, own].flatMap((name) => (name === undefined ? [] : [[name.toLowerCase(), code]]));
  }),
);

/**
 * The ISO 639-1 code of a language as a corpus or `--language` names it: a code or locale
 * (`pt`, `pt-BR`), its English name (`Portuguese`) or its own (`português`), in any case.
 * Null when it names no language eld can detect, so no message is compared with it.
 */
export function languageCode(name: string): string | null {
  const key = name.trim().toLowerCase();
  const [primary = key] = key.split(/[-_]/);
  return LANGUAGE_NAMES.get(key) ?? LANGUAGE_NAMES.get(primary) ?? null;
}
