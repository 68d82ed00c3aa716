/**
 * Milliseconds since the epoch (UTC) of a log timestamp, or NaN when it is not one.
 * LFM-1b writes unix seconds; LFM-2b and Onion write `YYYY-MM-DD HH:MM:SS` in UTC. Digits
 * only with 12 or more places are taken as milliseconds. Hand-parsed because `Date.parse`
 * reads a space-separated date as local time and is several times slower on the hot path.
 */
export function parseTimestamp(text: string): number {
  const length = text.length;
  if (length === 0) return Number.NaN;
  if (isDigits(text)) {
    const value = Number(text);
    return length >= 12 ? value : value * 1000;
  }
  if (length < 19 || text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') {
    return Number.NaN;
  }
  const separator = text[10];
  if (separator !== ' ' && separator !== 'T') return Number.NaN;
  const rest = text.slice(19);
  if (rest !== '' && rest !== 'Z' && !/^\.\d+Z?$/.test(rest)) return Number.NaN;
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const hour = Number(text.slice(11, 13));
  const minute = Number(text.slice(14, 16));
  const second = Number(text.slice(17, 19));
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) {
    return Number.NaN;
  }
  const time = Date.UTC(Number(text.slice(0, 4)), month - 1, day, hour, minute, second);
  return rest.startsWith('.') ? time + Math.trunc(Number(`0${rest.replace('Z', '')}`) * 1000) : time;
}

function isDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `YYYY-MM-DD` of a time in UTC, the paper's session date. */
export function utcDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
