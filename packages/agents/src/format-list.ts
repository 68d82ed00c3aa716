/** Example queries and ids as the prompts list them: quoted, separated by semicolons. */
export function formatList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join('; ');
}
