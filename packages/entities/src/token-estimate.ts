import type { MediaTokenRates } from './model-facts.js';
import type { ModelPart } from './model-port.js';

/**
 * The one estimate of tokens before a model counts them, for every caller: a provider's quota
 * and dry-run projection, its emulator's bill, and the simulated model. Provider-neutral: a
 * model's figures come in as `MediaTokenRates` from its provider's tables.
 *
 * About 4 characters a token, as providers document for English text (100 tokens are 60 to 80
 * words). An estimate only has to be close: a quota corrects it from the counts a service returns.
 */
export const CHARS_PER_TOKEN = 4;

/**
 * Rates for a model whose own are unknown: the figures typical multimodal models publish (32
 * tokens a second of audio, 258 an image), not any one model's.
 */
export const TYPICAL_MEDIA_TOKEN_RATES: MediaTokenRates = Object.freeze({ audioPerSecond: 32, image: 258 });

/** Input tokens by the modality a model bills them at. */
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

/** What one piece of a prompt (a message, the system instruction) holds. */
export interface PromptMeasure {
  characters: number;
  /** The playing time of its audio, summed before rounding. */
  audioSeconds: number;
  /** Images, each at `rates.image`. */
  images: number;
}

/** The parts of a message, as an estimate counts them. */
export interface PartsTally {
  characters: number;
  /** The audio files, whose playing time the caller knows (read from them, or assumed). */
  audio: Extract<ModelPart, { kind: 'file' }>[];
  /** Other files: images, and the rare video or PDF, counted like an image. */
  images: number;
}

export function tallyParts(parts: readonly ModelPart[]): PartsTally {
  const tally: PartsTally = { characters: 0, audio: [], images: 0 };
  for (const part of parts) {
    if (part.kind === 'text') tally.characters += part.text.length;
    else if (part.mimeType.startsWith('audio/')) tally.audio.push(part);
    else tally.images += 1;
  }
  return tally;
}

/** The tokens of text of this length: a reply's, or a prompt's. */
export function textTokens(characters: number): number {
  return Math.ceil(characters / CHARS_PER_TOKEN);
}

/** One piece's tokens by modality, each rounded up on its own. */
export function estimateTokens(measure: PromptMeasure, rates: MediaTokenRates): ModalityTokens {
  return {
    text: textTokens(measure.characters),
    audio: Math.ceil(measure.audioSeconds * rates.audioPerSecond),
    image: measure.images * rates.image,
  };
}
