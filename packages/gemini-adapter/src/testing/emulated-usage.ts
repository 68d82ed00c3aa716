import type { TokenUsage } from '@tp2dg/entities';
import type { EmulatedGenerateBody } from './emulator-types.js';
import { filePartsOf, textOf, type WireContent } from './wire-request.js';

// Gemini's published rates: 258 tokens per small image; 32 per second of audio (3 s clips).
const TOKENS_PER_IMAGE = 258;
const TOKENS_PER_AUDIO_CLIP = 96;
const THINKING_TOKENS = 17;

type ModalityCounts = { TEXT: number; IMAGE: number; AUDIO: number };

/** A rough prompt size by modality: 4 characters a token, fixed costs per image and clip. */
export function estimatePromptTokens(
  contents: readonly (WireContent | undefined)[],
): ModalityCounts & { total: number } {
  const present = contents.filter((content) => content !== undefined);
  const textChars = present.reduce((sum, content) => sum + textOf(content).length, 0);
  const files = filePartsOf(present);
  const counts = {
    TEXT: Math.ceil(textChars / 4),
    IMAGE: TOKENS_PER_IMAGE * files.filter((file) => file.mimeType.startsWith('image/')).length,
    AUDIO: TOKENS_PER_AUDIO_CLIP * files.filter((file) => file.mimeType.startsWith('audio/')).length,
  };
  return { ...counts, total: counts.TEXT + counts.IMAGE + counts.AUDIO };
}

/** `[{modality, tokenCount}]` as Gemini lists token details, zero counts left out. */
export function modalityDetails(counts: ModalityCounts): { modality: string; tokenCount: number }[] {
  return Object.entries(counts)
    .filter(([, tokenCount]) => tokenCount > 0)
    .map(([modality, tokenCount]) => ({ modality, tokenCount }));
}

/**
 * Usage by modality as Gemini reports it (prompt counts include the cached part), and what
 * tp2dg must record for it: every prompt token once, at the full or the cached price.
 */
export function emulatedUsage(body: EmulatedGenerateBody, reply: string) {
  const { total: _total, ...prompt } = estimatePromptTokens([
    body.systemInstruction as WireContent | undefined,
    ...body.contents,
  ]);
  // A chat re-sends its history: report half of it as implicitly cached, as Gemini does.
  const share = body.contents.length > 1 ? 0.5 : 0;
  const cached = {
    TEXT: Math.floor(prompt.TEXT * share),
    IMAGE: Math.floor(prompt.IMAGE * share),
    AUDIO: Math.floor(prompt.AUDIO * share),
  };
  const output = Math.ceil(reply.length / 4);
  const promptTotal = prompt.TEXT + prompt.IMAGE + prompt.AUDIO;
  const cachedTotal = cached.TEXT + cached.IMAGE + cached.AUDIO;
  const usageMetadata = {
    promptTokenCount: promptTotal,
    candidatesTokenCount: output,
    thoughtsTokenCount: THINKING_TOKENS,
    totalTokenCount: promptTotal + output + THINKING_TOKENS,
    promptTokensDetails: modalityDetails(prompt),
    ...(cachedTotal > 0
      ? { cachedContentTokenCount: cachedTotal, cacheTokensDetails: modalityDetails(cached) }
      : {}),
  };
  const expected: TokenUsage = {
    text_input: prompt.TEXT - cached.TEXT,
    image_input: prompt.IMAGE - cached.IMAGE,
    audio_input: prompt.AUDIO - cached.AUDIO,
    cached_text_input: cached.TEXT,
    cached_image_input: cached.IMAGE,
    cached_audio_input: cached.AUDIO,
    output,
    thinking: THINKING_TOKENS,
  };
  return { usageMetadata, expected };
}
