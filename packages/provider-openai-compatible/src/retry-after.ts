/**
 * The wait a `Retry-After` header asks for, in milliseconds: seconds or an HTTP date (RFC 9110).
 * Null when absent or unreadable, so the caller backs off on its own.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
