import type { ModelMessage, ModelRequest } from '@tp2dg/entities';
import { type MediaContentPart, type MediaReader, mediaContentPart } from './media-part.js';

type TextContentPart = { type: 'text'; text: string };

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'assistant'; content: string }
  | { role: 'user'; content: string | Array<TextContentPart | MediaContentPart> };

export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  response_format?: {
    type: 'json_schema';
    json_schema: { name: string; schema: Record<string, unknown>; strict: boolean };
  };
  temperature?: number;
  max_tokens?: number;
}

export interface ChatRequestSettings {
  model: string;
  jsonSchema: boolean;
  temperature: number | undefined;
  maxOutputTokens: number | undefined;
  read: MediaReader;
}

/** A model turn carries text only: tp2dg never puts media in what a model said. */
function textOf(message: ModelMessage): string {
  return message.parts.flatMap((part) => (part.kind === 'text' ? [part.text] : [])).join('\n');
}

async function chatMessage(message: ModelMessage, read: MediaReader): Promise<ChatMessage> {
  if (message.role === 'model') return { role: 'assistant', content: textOf(message) };
  // Plain text stays a string: some servers take content arrays only from multimodal models.
  if (message.parts.every((part) => part.kind === 'text')) return { role: 'user', content: textOf(message) };
  const content = await Promise.all(
    message.parts.map((part) =>
      part.kind === 'text'
        ? { type: 'text' as const, text: part.text }
        : mediaContentPart(part.path, part.mimeType, read),
    ),
  );
  return { role: 'user', content };
}

/**
 * The chat-completions body of a tp2dg request. A JSON schema is sent only to a server said to
 * take one; otherwise the prompt's own reply format line asks for the reply, which the agents
 * parse as they do for any backend.
 */
export async function chatCompletionRequest(
  request: ModelRequest,
  settings: ChatRequestSettings,
): Promise<ChatCompletionRequest> {
  const messages: ChatMessage[] = [];
  if (request.systemInstruction !== undefined)
    messages.push({ role: 'system', content: request.systemInstruction });
  for (const message of request.messages) messages.push(await chatMessage(message, settings.read));
  return {
    model: settings.model,
    messages,
    ...(settings.jsonSchema && request.responseJsonSchema !== undefined
      ? {
          response_format: {
            type: 'json_schema',
            // The name must match ^[a-zA-Z0-9_-]+$; the agent's makes a server's logs readable.
            json_schema: {
              name: `${request.label.agent}_reply`,
              schema: request.responseJsonSchema,
              strict: true,
            },
          },
        }
      : {}),
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
    ...(settings.maxOutputTokens === undefined ? {} : { max_tokens: settings.maxOutputTokens }),
  };
}
