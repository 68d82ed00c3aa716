/** Example queries and ids as the prompts list them: quoted, separated by semicolons. */
export function formatList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join('; ');
}

/** Words joined as prose: `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
