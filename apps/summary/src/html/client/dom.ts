/** A child of `element`: strings become text nodes, nothing (null, undefined, false) is skipped. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Text only ever goes in as text nodes, never
 * as markup: whatever a corpus or a model wrote is shown, not parsed, so it cannot inject HTML.
 */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Readonly<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    created.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return created;
}

/** The parsed content of a `<script type="application/json">` element the page was written with. */
export function embeddedJson<T>(id: string): T {
  const script = document.getElementById(id);
  if (script === null)
    throw new Error(`the report has no #${id} element: write it again with tp2dg-summary --html`);
  return JSON.parse(script.textContent ?? 'null') as T;
}

/** A table of text cells, the first row its header. */
export function table(
  rows: readonly (readonly string[])[],
  attributes: Readonly<Record<string, string>> = {},
) {
  const [header = [], ...body] = rows;
  return element(
    'table',
    attributes,
    element('thead', {}, element('tr', {}, ...header.map((cell) => element('th', {}, cell)))),
    element(
      'tbody',
      {},
      ...body.map((row) => element('tr', {}, ...row.map((cell) => element('td', {}, cell)))),
    ),
  );
}
