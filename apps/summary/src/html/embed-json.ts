/**
 * JSON to place inside a `<script type="application/json">` element. Every `<` is written as
 * `\u003c`, which `JSON.parse` reads back as `<`: no string of the data, whatever a corpus or a
 * model put in it, can close the element (`</script>`) or open a comment (`<!--`) there.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
