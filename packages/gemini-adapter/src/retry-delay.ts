/**
 * Reads `google.rpc.RetryInfo.retryDelay` (a protobuf Duration such as `"17s"` or `"0.5s"`)
 * from a Google error body; null when absent or malformed.
 */
export function retryDelayFromErrorBody(body: unknown): number | null {
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) return null;
  for (const detail of details) {
    const record = detail as { '@type'?: unknown; retryDelay?: unknown };
    if (typeof record['@type'] !== 'string' || !record['@type'].endsWith('google.rpc.RetryInfo')) continue;
    const match = typeof record.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(record.retryDelay) : null;
    if (match?.[1] !== undefined) return Math.round(Number(match[1]) * 1000);
  }
  return null;
}
