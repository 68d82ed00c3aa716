import type { MediaTokenRates, ModelPart, ModelRequest } from '@tp2dg/entities';

/**
 * Google documents about 4 characters per token for Gemini text (100 tokens are 60 to 80
 * English words); the emulator counts text the same way. The estimate only has to be
 * close: the scheduler corrects it from the counts the service returns.
 */
export const CHARS_PER_TOKEN = 4;

/** Input tokens by the modality Gemini bills them at. */
export interface ModalityTokens {
  text: number;
  audio: number;
  image: number;
}

export const NO_TOKENS: ModalityTokens = Object.freeze({ text: 0, audio: 0, image: 0 });

export const totalTokens = (tokens: ModalityTokens) => tokens.text + tokens.audio + tokens.image;

export function addTokens(left: ModalityTokens, right: ModalityTokens): ModalityTokens {
  return { text: left.text + right.text, audio: left.audio + right.audio, image: left.image + right.image };
}

/** The duration of an audio file, read as the type it is sent as (its name may say another). */
export type AudioSeconds = (path: string, mimeType: string) => Promise<number>;

/**
 * The tokens of one message (or the system instruction), by modality. Images count at the
 * model's figure for the run's media resolution, whatever their size (their dimensions are
 * not read); other files (video, PDF) are rare here and counted like an image.
 */
export async function estimatePartsTokens(
  parts: readonly ModelPart[],
  audioSeconds: AudioSeconds,
  media: MediaTokenRates,
): Promise<ModalityTokens> {
  let characters = 0;
  const audio: Promise<number>[] = [];
  let images = 0;
  for (const part of parts) {
    if (part.kind === 'text') characters += part.text.length;
    else if (part.mimeType.startsWith('audio/')) audio.push(audioSeconds(part.path, part.mimeType));
    else images += 1;
  }
  const seconds = (await Promise.all(audio)).reduce((sum, value) => sum + value, 0);
  return {
    text: Math.ceil(characters / CHARS_PER_TOKEN),
    audio: Math.ceil(seconds * media.audioPerSecond),
    image: images * media.image,
  };
}

/** The system instruction, then each message: the units a prompt's cached prefix is made of. */
export function promptEntries(request: Pick<ModelRequest, 'systemInstruction' | 'messages'>): ModelPart[][] {
  const system: ModelPart[][] =
    request.systemInstruction === undefined ? [] : [[{ kind: 'text', text: request.systemInstruction }]];
  return [...system, ...request.messages.map((message) => message.parts)];
}

/**
 * The input tokens of one request before the service counts them: the whole history is
 * re-sent on every call, media included, so a call's input grows with the turn.
 */
export async function estimateInputTokens(
  request: Pick<ModelRequest, 'systemInstruction' | 'messages'>,
  audioSeconds: AudioSeconds,
  media: MediaTokenRates,
): Promise<number> {
  const entries = await Promise.all(
    promptEntries(request).map((parts) => estimatePartsTokens(parts, audioSeconds, media)),
  );
  return entries.reduce((sum, tokens) => sum + totalTokens(tokens), 0);
}
