import {
  estimateTokens,
  type MediaTokenRates,
  type ModelRequest,
  type TokenUsage,
  TYPICAL_MEDIA_TOKEN_RATES,
  tallyParts,
  textTokens,
  ZERO_USAGE,
} from '@tp2dg/entities';

/**
 * The rates of the simulated model when its caller passes none: a neutral default. A caller
 * that knows the model a run projects passes that model's own.
 */
export const DEFAULT_SIMULATED_RATES: MediaTokenRates = TYPICAL_MEDIA_TOKEN_RATES;

/** The simulated model reads no file, so each audio clip is taken to play this long. */
export const SIMULATED_CLIP_SECONDS = 3;

/**
 * An estimate of what a model would bill for the same request, by the entities' one estimate,
 * so that offline runs give a plausible order of magnitude for cost planning. It is never
 * presented as measured.
 */
export function estimateSimulatedUsage(
  request: ModelRequest,
  replyText: string,
  rates: MediaTokenRates = DEFAULT_SIMULATED_RATES,
): TokenUsage {
  const system = request.systemInstruction ?? '';
  const { characters, audio, images } = tallyParts([
    { kind: 'text', text: system },
    ...request.messages.flatMap((message) => message.parts),
  ]);
  const tokens = estimateTokens(
    { characters, audioSeconds: audio.length * SIMULATED_CLIP_SECONDS, images },
    rates,
  );
  return {
    ...ZERO_USAGE,
    text_input: tokens.text,
    image_input: tokens.image,
    audio_input: tokens.audio,
    output: textTokens(replyText.length),
  };
}
