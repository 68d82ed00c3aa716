/**
 * Milliseconds since the epoch (UTC) of a log timestamp, or NaN when it is not one.
 * LFM-1b writes unix seconds; LFM-2b and Onion write `YYYY-MM-DD HH:MM:SS` in UTC. Digits
 * only with 12 or more places are taken as milliseconds. Hand-parsed because `Date.parse`
 * reads a space-separated date as local time, and slicing and `Date.UTC` per row cost more
 * than the rest of the row's parsing.
 */
export function parseTimestamp(text: string): number {
  return parseTimestampAt(text, 0, text.length);
}

/** `parseTimestamp` of `text.slice(start, end)`, read in place so a log row allocates nothing. */
export function parseTimestampAt(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 0) return Number.NaN;
  if (length <= 15) {
    const value = digitsAt(text, start, length);
    if (!Number.isNaN(value)) return length >= 12 ? value : value * 1000;
  }
  if (length < 19 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45)
    return Number.NaN;
  const separator = text.charCodeAt(start + 10);
  if (
    (separator !== 32 && separator !== 84) ||
    text.charCodeAt(start + 13) !== 58 ||
    text.charCodeAt(start + 16) !== 58
  ) {
    return Number.NaN;
  }
  const year = digitsAt(text, start, 4);
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  const hour = digitsAt(text, start + 11, 2);
  const minute = digitsAt(text, start + 14, 2);
  const second = digitsAt(text, start + 17, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) {
    return Number.NaN;
  }
  const time = (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000;
  if (length === 19) return time;
  const rest = text.slice(start + 19, end);
  if (rest === 'Z') return time;
  if (!/^\.\d+Z?$/.test(rest)) return Number.NaN;
  return time + Math.trunc(Number(`0${rest.replace('Z', '')}`) * 1000);
}

/** The number in `count` decimal digits at `start`, or NaN if any is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `YYYY-MM-DD` of a time in UTC, the paper's session date. */
export function utcDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
