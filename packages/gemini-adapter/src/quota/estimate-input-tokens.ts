import type { ModelRequest } from '@tp2dg/entities';

/**
 * Google documents about 4 characters per token for Gemini text (100 tokens are 60 to 80
 * English words); the emulator counts text the same way. The estimate only has to be
 * close: the scheduler corrects it from the counts the service returns.
 */
export const CHARS_PER_TOKEN = 4;
/** Gemini bills audio at 32 tokens per second. */
export const AUDIO_TOKENS_PER_SECOND = 32;
/**
 * An image up to 384 px is 258 tokens (larger ones 258 per 768 px tile; dimensions are not
 * read). Other files (video, PDF) are rare here and counted like an image.
 */
export const TOKENS_PER_IMAGE = 258;

/**
 * The input tokens of one request before the service counts them: the whole history is
 * re-sent on every call, media included, so a call's input grows with the turn.
 */
export async function estimateInputTokens(
  request: Pick<ModelRequest, 'systemInstruction' | 'messages'>,
  audioSeconds: (path: string) => Promise<number>,
): Promise<number> {
  let characters = request.systemInstruction?.length ?? 0;
  const audio: Promise<number>[] = [];
  let images = 0;
  for (const message of request.messages) {
    for (const part of message.parts) {
      if (part.kind === 'text') characters += part.text.length;
      else if (part.mimeType.startsWith('audio/')) audio.push(audioSeconds(part.path));
      else images += 1;
    }
  }
  const seconds = (await Promise.all(audio)).reduce((sum, value) => sum + value, 0);
  return (
    Math.ceil(characters / CHARS_PER_TOKEN) +
    Math.ceil(seconds * AUDIO_TOKENS_PER_SECOND) +
    images * TOKENS_PER_IMAGE
  );
}
