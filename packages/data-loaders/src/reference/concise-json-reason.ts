/** V8's reason for a failed `JSON.parse`, without the position and the quoted source it appends. */
export function conciseJsonReason(error: unknown): string {
  return String((error as Error).message)
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    .split('\n')[0] as string;
}
