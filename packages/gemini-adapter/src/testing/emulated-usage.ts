import type { TokenUsage } from '@tp2dg/entities';
import { CHARS_PER_TOKEN, type ModalityTokens, TOKENS_PER_IMAGE } from '../quota/estimate-input-tokens.js';
import type { ImplicitCache } from '../usage-estimate/implicit-cache.js';
import type { EmulatedGenerateBody } from './emulator-types.js';
import { filePartsOf, type WireContent } from './wire-request.js';

// The emulator cannot read durations of what was uploaded: every clip counts as 3 s (32 a second).
const TOKENS_PER_AUDIO_CLIP = 96;
const THINKING_TOKENS = 17;

type ModalityCounts = { TEXT: number; IMAGE: number; AUDIO: number };

/** One content's tokens: 4 characters a token, fixed costs per image and clip. */
function contentTokens(content: WireContent): ModalityTokens {
  const characters = content.parts.reduce(
    (sum, part) => sum + (typeof part.text === 'string' ? part.text.length : 0),
    0,
  );
  const files = filePartsOf([content]);
  return {
    text: Math.ceil(characters / CHARS_PER_TOKEN),
    image: TOKENS_PER_IMAGE * files.filter((file) => file.mimeType.startsWith('image/')).length,
    audio: TOKENS_PER_AUDIO_CLIP * files.filter((file) => file.mimeType.startsWith('audio/')).length,
  };
}

const toCounts = (tokens: ModalityTokens): ModalityCounts => ({
  TEXT: tokens.text,
  IMAGE: tokens.image,
  AUDIO: tokens.audio,
});

/** The system instruction and each content, with its tokens: the units of a cached prefix. */
function promptEntries(contents: readonly (WireContent | undefined)[]) {
  return contents
    .filter((content) => content !== undefined)
    .map((content) => ({ content, tokens: contentTokens(content) }));
}

/** A prompt's size by modality, each content rounded up on its own (as the dry run counts). */
export function estimatePromptTokens(
  contents: readonly (WireContent | undefined)[],
): ModalityCounts & { total: number } {
  const counts = promptEntries(contents).reduce<ModalityCounts>(
    (sum, { tokens }) => ({
      TEXT: sum.TEXT + tokens.text,
      IMAGE: sum.IMAGE + tokens.image,
      AUDIO: sum.AUDIO + tokens.audio,
    }),
    { TEXT: 0, IMAGE: 0, AUDIO: 0 },
  );
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
 * tp2dg must record for it: every prompt token once, at the full or the cached price. The
 * cached part is what `cache` (Gemini's implicit cache, as documented) serves for this prompt.
 */
export function emulatedUsage(body: EmulatedGenerateBody, reply: string, cache: ImplicitCache) {
  const contents = [body.systemInstruction as WireContent | undefined, ...body.contents];
  const { total: _total, ...prompt } = estimatePromptTokens(contents);
  const cached = toCounts(cache.cachedPrefix(promptEntries(contents)));
  const output = Math.ceil(reply.length / CHARS_PER_TOKEN);
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
