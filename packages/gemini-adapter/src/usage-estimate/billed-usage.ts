import { type ModalityTokens, type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';

/**
 * What tp2dg records for a prompt of which the implicit cache served `cached`: every prompt
 * token once, at the full or at the cached price (Gemini's prompt counts include the cached).
 */
export function billedUsage(
  prompt: ModalityTokens,
  cached: ModalityTokens,
  tokens: { output: number; thinking: number },
): TokenUsage {
  return {
    ...ZERO_USAGE,
    text_input: prompt.text - cached.text,
    audio_input: prompt.audio - cached.audio,
    image_input: prompt.image - cached.image,
    cached_text_input: cached.text,
    cached_audio_input: cached.audio,
    cached_image_input: cached.image,
    ...tokens,
  };
}
