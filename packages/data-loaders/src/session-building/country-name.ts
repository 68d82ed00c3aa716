import { iso31661, iso31661Reserved } from 'iso-3166';

/**
 * ISO 3166 names by code and by name, upper-cased: alpha-2 (LFM-2b's `BR`), alpha-3 (`BRA`),
 * the exceptionally reserved alpha-2 codes corpora use (`UK`), and each name itself, so a corpus
 * that writes names gets the ISO spelling back.
 */
const namesByKey = new Map<string, string>();
for (const entry of iso31661) {
  for (const key of [entry.alpha2, entry.alpha3, entry.name]) namesByKey.set(key.toUpperCase(), entry.name);
}
for (const entry of iso31661Reserved) {
  if (entry.state === 'exceptionally-reserved') namesByKey.set(entry.alpha2, entry.name);
}

/**
 * The ISO 3166 name of the country a corpus states (`Brazil` for `BR`), the published rows'
 * `country_name`; null when it names no country ISO 3166 knows, rather than a guess.
 */
export function countryNameOf(country: string | null): string | null {
  if (country === null) return null;
  return namesByKey.get(country.trim().toUpperCase()) ?? null;
}
