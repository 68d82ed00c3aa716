import * as prompts from '@tp2dg/model-testing';
import type { EmulatedGenerateBody, EmulatedGenerateRequest } from './emulator-types.js';

/**
 * Reads a generateContent wire body the way a model would: from its text alone, through the
 * prompt readers of `@tp2dg/model-testing`, which every backend's emulator shares.
 */

export type WireContent = EmulatedGenerateBody['contents'][number];

export type { PromptAgent as WireAgent, ReplyFormat as WireReplyFormat } from '@tp2dg/model-testing';

export interface WireFilePart {
  fileUri: string;
  mimeType: string;
}

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

/** The body's text as the shared prompt readers take it; a content without a role is the user's. */
export function promptTextOf(body: EmulatedGenerateBody): prompts.PromptText {
  return {
    systemInstruction: systemInstructionOf(body),
    messages: body.contents.map((content) => ({
      role: content.role === 'model' ? 'model' : 'user',
      text: textOf(content),
    })),
    replySchema: body.generationConfig?.responseJsonSchema as prompts.ReplySchema | undefined,
  };
}

// Gemini-body forms of the shared readers, for the emulator and its tests.

export const userTextsLatestFirst = (body: EmulatedGenerateBody) =>
  prompts.userTextsLatestFirst(promptTextOf(body));
export const replyFormatOf = (body: EmulatedGenerateBody) => prompts.replyFormatOf(promptTextOf(body));
export const replyKeysOf = (body: EmulatedGenerateBody) => prompts.replyKeysOf(promptTextOf(body));
export const agentOf = (body: EmulatedGenerateBody) => prompts.agentOf(promptTextOf(body));
