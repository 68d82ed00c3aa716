import {
  estimateTokens,
  type MediaTokenRates,
  type ModalityTokens,
  type ModelPart,
  type ModelRequest,
  tallyParts,
  totalTokens,
} from '@tp2dg/entities';

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
  const { characters, audio, images } = tallyParts(parts);
  const durations = await Promise.all(audio.map((file) => audioSeconds(file.path, file.mimeType)));
  const seconds = durations.reduce((sum, value) => sum + value, 0);
  return estimateTokens({ characters, audioSeconds: seconds, images }, media);
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
