const FENCED = /```[\w-]*[ \t]*\r?\n([\s\S]*?)\r?\n?```/;

/** Models often wrap a YAML or JSON reply in a Markdown code fence; keep what is inside. */
export function stripCodeFences(text: string): string {
  const match = FENCED.exec(text);
  return (match?.[1] ?? text).trim();
}
