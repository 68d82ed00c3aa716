import { type ModelRequest, type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';

/** A typical multimodal model's published rates: 32 tokens per second of audio, 258 per small image. */
const AUDIO_TOKENS_PER_CLIP = 32 * 3;
const IMAGE_TOKENS = 258;
const CHARACTERS_PER_TOKEN = 4;

/**
 * An estimate of what such a model would bill for the same request, so that offline runs give
 * a plausible order of magnitude for cost planning. It is never presented as measured.
 */
export function estimateSimulatedUsage(request: ModelRequest, replyText: string): TokenUsage {
  let characters = request.systemInstruction?.length ?? 0;
  let image = 0;
  let audio = 0;
  for (const part of request.messages.flatMap((message) => message.parts)) {
    if (part.kind === 'text') characters += part.text.length;
    else if (part.mimeType.startsWith('audio/')) audio += AUDIO_TOKENS_PER_CLIP;
    else image += IMAGE_TOKENS;
  }
  return {
    ...ZERO_USAGE,
    text_input: Math.ceil(characters / CHARACTERS_PER_TOKEN),
    image_input: image,
    audio_input: audio,
    output: Math.ceil(replyText.length / CHARACTERS_PER_TOKEN),
  };
}
