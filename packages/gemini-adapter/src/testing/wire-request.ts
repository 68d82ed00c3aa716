import type { EmulatedGenerateBody, EmulatedGenerateRequest } from './emulator-types.js';

/**
 * Reads a generateContent wire body the way a model would: from its text alone. tp2dg's
 * prompts are the contract here (packages/prompts/templates), not any shared code, so the
 * emulator notices when the wire text stops saying what an agent needs.
 */

export type WireContent = EmulatedGenerateBody['contents'][number];

/** Who is behind a request, as the responder and the tests tell them apart: an agent or a judge. */
export type WireAgent = 'profile' | 'goal' | 'listener' | 'recsys' | 'judge';

/** The reply format a request asks for: a JSON schema in the config, or YAML in the prompt. */
export type WireReplyFormat = 'json' | 'yaml';

export interface WireFilePart {
  fileUri: string;
  mimeType: string;
}

type JsonSchema = { properties?: Record<string, { enum?: string[] }> };

/**
 * The prompt a model reads: the body, with the system instruction and contents of the cache it
 * names (`cachedContent`) in front of its own contents.
 */
export function promptBodyOf(
  request: Pick<EmulatedGenerateRequest, 'body' | 'cachedContent'>,
): EmulatedGenerateBody {
  const cache = request.cachedContent;
  if (cache === undefined) return request.body;
  const { systemInstruction, contents } = cache;
  return { ...request.body, systemInstruction, contents: [...contents, ...request.body.contents] };
}

/** Every `fileData` part of the contents, in order. */
export function filePartsOf(contents: readonly WireContent[]): WireFilePart[] {
  return contents.flatMap((content) =>
    content.parts.flatMap((part) => (part.fileData === undefined ? [] : [part.fileData as WireFilePart])),
  );
}

/** The text parts of one content, joined by newlines. */
export function textOf(content: WireContent | undefined): string {
  return (content?.parts ?? [])
    .flatMap((part) => (typeof part.text === 'string' ? [part.text] : []))
    .join('\n');
}

export function systemInstructionOf(body: EmulatedGenerateBody): string {
  return textOf(body.systemInstruction as WireContent | undefined);
}

/** User messages, latest first: a re-ask is the latest, the prompt it repeats comes before. */
export function userTextsLatestFirst(body: EmulatedGenerateBody): string[] {
  return body.contents
    .filter((content) => content.role !== 'model')
    .map(textOf)
    .reverse();
}

/** The first match of `pattern` in the user messages, latest first. */
export function findInUserTexts(body: EmulatedGenerateBody, pattern: RegExp): RegExpExecArray | null {
  for (const text of userTextsLatestFirst(body)) {
    const match = pattern.exec(text);
    if (match !== null) return match;
  }
  return null;
}

export function jsonSchemaOf(body: EmulatedGenerateBody): JsonSchema | undefined {
  return body.generationConfig?.responseJsonSchema as JsonSchema | undefined;
}

export function replyFormatOf(body: EmulatedGenerateBody): WireReplyFormat {
  return jsonSchemaOf(body) === undefined ? 'yaml' : 'json';
}

// reply-format-*.md ends "...exactly these keys: a, b, c."; reask.md "...keys: a, b, c, and nothing else."
const keysLine = /exactly these keys: (\w+(?:, (?!and )\w+)*)/;

/**
 * The keys the reply must have: the schema's properties in JSON mode, else the keys the
 * latest user message lists. Empty for a priming message, which only wants an acknowledgement.
 */
export function replyKeysOf(body: EmulatedGenerateBody): string[] {
  const schema = jsonSchemaOf(body);
  if (schema !== undefined) return Object.keys(schema.properties ?? {});
  const latest = textOf(body.contents.at(-1));
  return keysLine.exec(latest)?.[1]?.split(', ') ?? [];
}

/** Chats and judges carry their persona in the system instruction; one-shot calls are told apart by keys. */
export function agentOf(body: EmulatedGenerateBody): WireAgent {
  const system = systemInstructionOf(body);
  if (system.includes('You are TalkPlay')) return 'recsys';
  if (system.includes('You are playing a real person')) return 'listener';
  if (system.includes('You review conversations made for a music-recommendation dataset')) return 'judge';
  return replyKeysOf(body).includes('category_code') ? 'goal' : 'profile';
}
