import {
  type GenerateContentResponseUsageMetadata,
  MediaModality,
  type ModalityTokenCount,
} from '@google/genai';
import { type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';

interface ByModality {
  text: number;
  image: number;
  audio: number;
}

/** TEXT, IMAGE, AUDIO by name; any other modality (VIDEO, DOCUMENT) is billed like text input. */
function sumByModality(details: readonly ModalityTokenCount[] | undefined): ByModality {
  const sums = { text: 0, image: 0, audio: 0 };
  for (const detail of details ?? []) {
    const count = detail.tokenCount ?? 0;
    if (detail.modality === MediaModality.IMAGE) sums.image += count;
    else if (detail.modality === MediaModality.AUDIO) sums.audio += count;
    else sums.text += count;
  }
  return sums;
}

function total(sums: ByModality): number {
  return sums.text + sums.image + sums.audio;
}

/**
 * Maps Gemini usage to tp2dg's TokenUsage. Gemini's prompt figures *include* cached tokens,
 * so the cached part of each modality is subtracted from the uncached field: every prompt
 * token is counted exactly once, either at the full or at the cached price.
 */
export function mapUsage(usage: GenerateContentResponseUsageMetadata | undefined): TokenUsage {
  if (usage === undefined) return { ...ZERO_USAGE };
  const prompt = sumByModality(usage.promptTokensDetails);
  // Tokens the details do not account for (or all of them, when details are missing) count as text.
  prompt.text += Math.max(0, (usage.promptTokenCount ?? 0) - total(prompt));
  const cached = sumByModality(usage.cacheTokensDetails);
  cached.text += Math.max(0, (usage.cachedContentTokenCount ?? 0) - total(cached));
  return {
    text_input: Math.max(0, prompt.text - cached.text),
    image_input: Math.max(0, prompt.image - cached.image),
    audio_input: Math.max(0, prompt.audio - cached.audio),
    cached_text_input: cached.text,
    cached_image_input: cached.image,
    cached_audio_input: cached.audio,
    output: usage.candidatesTokenCount ?? 0,
    thinking: usage.thoughtsTokenCount ?? 0,
    // A response says nothing of making or keeping a cache: the adapter adds what the call caused.
    cache_creation_text_input: 0,
    cache_creation_image_input: 0,
    cache_creation_audio_input: 0,
    cache_storage_token_seconds: 0,
  };
}
