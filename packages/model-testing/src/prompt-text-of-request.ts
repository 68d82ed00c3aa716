import type { ModelRequest } from '@tp2dg/entities';
import type { PromptText, ReplySchema } from './prompt-text.js';

/**
 * A provider-neutral request as a model reads it, before any wire format: for tests that answer
 * the agents' or the judges' requests directly, and for emulators whose tests start from them.
 */
export function promptTextOfRequest(
  request: Pick<ModelRequest, 'systemInstruction' | 'messages' | 'responseJsonSchema'>,
): PromptText {
  return {
    systemInstruction: request.systemInstruction ?? '',
    messages: request.messages.map((message) => ({
      role: message.role,
      text: message.parts.flatMap((part) => (part.kind === 'text' ? [part.text] : [])).join('\n'),
    })),
    replySchema: request.responseJsonSchema as ReplySchema | undefined,
  };
}
