/**
 * Reads loose `key: value` text that is not valid YAML (unquoted colons, stray markup),
 * keeping only the expected keys. A line that starts an expected key opens a field;
 * the lines after it, up to the next expected key, continue that field's value.
 */
export function parseLooseKeyValues(text: string, keys: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*[-*]?\s*\**["']?([A-Za-z_][\w]*)["']?\**\s*:\s?(.*)$/.exec(line);
    const key = match?.[1];
    if (key !== undefined && keys.includes(key)) {
      current = key;
      fields[key] = stripQuotes((match?.[2] ?? '').trim());
    } else if (current !== undefined && line.trim() !== '') {
      fields[current] = `${fields[current] ?? ''} ${line.trim()}`.trim();
    }
  }
  return fields;
}

function stripQuotes(value: string): string {
  const quoted = /^(["'])([\s\S]*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}
