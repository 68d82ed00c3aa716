import { createCooperativeReplier, type PromptText, type ReplySchema } from '@tp2dg/model-testing';
import type { ChatMessage } from '../chat-request.js';
import type { EmulatedChatReply, RecordedChatRequest } from './start-openai-emulator.js';

function textOf(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
}

/** A chat-completions body as the shared prompt readers of `@tp2dg/model-testing` take it. */
export function promptTextOf(request: RecordedChatRequest): PromptText {
  const { messages, response_format: format } = request.body;
  return {
    systemInstruction: messages
      .filter((message) => message.role === 'system')
      .map(textOf)
      .join('\n'),
    messages: messages.flatMap((message) =>
      message.role === 'system'
        ? []
        : [{ role: message.role === 'assistant' ? 'model' : 'user', text: textOf(message) } as const],
    ),
    replySchema: format?.json_schema.schema as ReplySchema | undefined,
  };
}

/**
 * Answers tp2dg's agents as a cooperative model would, from the request's text alone (the
 * same replies the other emulators' cooperative responders give), with a usage that grows
 * with the prompt so sums can be checked.
 */
export function createCooperativeResponder(): (request: RecordedChatRequest) => EmulatedChatReply {
  const reply = createCooperativeReplier();
  return (request) => {
    const content = reply(promptTextOf(request));
    const promptTokens = JSON.stringify(request.body.messages).length;
    return {
      content,
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: content.length,
        total_tokens: promptTokens + content.length,
      },
    };
  };
}
