import { type FinishReason, type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';
import { z } from 'zod';

const count = z.number().int().min(0);

/** What tp2dg reads of a chat-completions reply; servers add fields, which are ignored. */
export const ChatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({
      prompt_tokens: count,
      completion_tokens: count,
      prompt_tokens_details: z
        .object({ cached_tokens: count.nullish(), audio_tokens: count.nullish() })
        .nullish(),
      completion_tokens_details: z.object({ reasoning_tokens: count.nullish() }).nullish(),
    })
    .nullish(),
});
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;

/**
 * tp2dg's usage by modality from the server's counts. The API splits a prompt only into
 * cached tokens and, on some servers, audio tokens; the rest is counted as text input, images
 * included. Reasoning tokens are part of `completion_tokens`, so they are taken out of the
 * output and counted as thinking, as other providers report them. No usage at all counts as zero.
 */
export function usageOf(usage: ChatCompletion['usage']): TokenUsage {
  if (usage === null || usage === undefined) return ZERO_USAGE;
  const cached = Math.min(usage.prompt_tokens_details?.cached_tokens ?? 0, usage.prompt_tokens);
  const audio = Math.min(usage.prompt_tokens_details?.audio_tokens ?? 0, usage.prompt_tokens - cached);
  const thinking = Math.min(usage.completion_tokens_details?.reasoning_tokens ?? 0, usage.completion_tokens);
  return {
    ...ZERO_USAGE,
    text_input: usage.prompt_tokens - cached - audio,
    audio_input: audio,
    cached_text_input: cached,
    output: usage.completion_tokens - thinking,
    thinking,
  };
}

/**
 * The neutral finish reason of the API's: `stop`, `length` and `content_filter` (a filter
 * withheld the reply) are the same; some servers say `error` when the generation failed.
 * `tool_calls` (tp2dg asks for no tools) and anything unknown are `other`.
 */
export function finishReasonOf(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'error':
      return 'error';
    default:
      return 'other';
  }
}
