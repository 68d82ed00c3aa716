/** `{{name}}` with a snake_case name: the only placeholder syntax a template body has. */
const PLACEHOLDER_PATTERN = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;
/** Anything between double braces, to catch `{{ name }}` or `{{track-id}}` that would never be filled. */
const BRACED_PATTERN = /\{\{([^{}]*)\}\}/g;

/** The distinct placeholder names of a body, in order of first use. */
export function findPlaceholders(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER_PATTERN)) names.add(match[1] as string);
  return [...names];
}

/** Double-brace spans that are not valid placeholders, such as `{{ name }}`. */
export function findMalformedPlaceholders(body: string): string[] {
  const malformed: string[] = [];
  for (const match of body.matchAll(BRACED_PATTERN)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(match[1] as string)) malformed.push(match[0]);
  }
  return malformed;
}

/**
 * Replaces every placeholder in one pass. A value is inserted verbatim: a value that
 * itself contains `{{x}}` or `$&` is not expanded again, because values are data
 * (track titles, lyrics, listener messages), never template text.
 */
export function substitutePlaceholders(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(PLACEHOLDER_PATTERN, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : placeholder,
  );
}
