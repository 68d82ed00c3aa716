import type { CallerName } from '@tp2dg/entities';

/**
 * A model request as a model reads it: its text, whatever the wire format that carried it.
 * tp2dg's prompts (the templates of @tp2dg/prompts) are the contract here, not the code that
 * renders them, so an emulator built on these readers notices when the text stops saying what
 * an agent needs. Each provider's emulator turns its own wire body into a `PromptText`.
 */

/** Who is behind a request, as responders and tests tell them apart: an agent or a judge. */
export type PromptAgent = CallerName;

/** The reply format a request asks for: a JSON schema beside the prompt, or YAML in it. */
export type ReplyFormat = 'json' | 'yaml';

/** The part of a JSON schema the readers use: the reply's keys, and the allowed values of some. */
export type ReplySchema = { properties?: Record<string, { enum?: string[] }> };

export interface PromptText {
  systemInstruction: string;
  /** The history in order, each message's text parts joined by newlines. */
  messages: ReadonlyArray<{ role: 'user' | 'model'; text: string }>;
  /** The schema the reply must follow, when the request sends one. */
  replySchema?: ReplySchema | undefined;
}

/** User messages, latest first: a re-ask is the latest, the prompt it repeats comes before. */
export function userTextsLatestFirst(prompt: PromptText): string[] {
  return prompt.messages
    .filter((message) => message.role === 'user')
    .map((message) => message.text)
    .reverse();
}

/** The first match of `pattern` in the user messages, latest first. */
export function findInUserTexts(prompt: PromptText, pattern: RegExp): RegExpExecArray | null {
  for (const text of userTextsLatestFirst(prompt)) {
    const match = pattern.exec(text);
    if (match !== null) return match;
  }
  return null;
}

export function replyFormatOf(prompt: PromptText): ReplyFormat {
  return prompt.replySchema === undefined ? 'yaml' : 'json';
}

// reply-format-*.md ends "...exactly these keys: a, b, c."; reask.md "...keys: a, b, c, and nothing else."
const keysLine = /exactly these keys: (\w+(?:, (?!and )\w+)*)/;

/**
 * The keys the reply must have: the schema's properties in JSON mode, else the keys the
 * latest message lists. Empty for a priming message, which only wants an acknowledgement.
 */
export function replyKeysOf(prompt: PromptText): string[] {
  if (prompt.replySchema !== undefined) return Object.keys(prompt.replySchema.properties ?? {});
  const latest = prompt.messages.at(-1)?.text ?? '';
  return keysLine.exec(latest)?.[1]?.split(', ') ?? [];
}

/** Chats and judges carry their persona in the system instruction; one-shot calls are told apart by keys. */
export function agentOf(prompt: PromptText): PromptAgent {
  const system = prompt.systemInstruction;
  if (system.includes('You are TalkPlay')) return 'recsys';
  if (system.includes('You are playing a real person')) return 'listener';
  if (system.includes('You review conversations made for a music-recommendation dataset')) return 'judge';
  return replyKeysOf(prompt).includes('category_code') ? 'goal' : 'profile';
}
