import {
  AUDIO_TOKENS_PER_SECOND,
  addTokens,
  CHARS_PER_TOKEN,
  type ModalityTokens,
  NO_TOKENS,
  TOKENS_PER_IMAGE,
  totalTokens,
} from '../quota/estimate-input-tokens.js';
import { billedUsage } from '../usage-estimate/billed-usage.js';
import type { ImplicitCache } from '../usage-estimate/implicit-cache.js';
import type { EmulatedGenerateRequest } from './emulator-types.js';
import { filePartsOf, type WireContent } from './wire-request.js';

const THINKING_TOKENS = 17;

/** The playing time of an uploaded audio file by its URI; 0 for a file the emulator cannot time. */
export type AudioSecondsOf = (fileUri: string) => number;

/**
 * One content's tokens: 4 characters a token, a fixed cost per image, and its audio files'
 * playing time at 32 tokens a second (summed, then rounded up, as the dry run counts).
 */
function contentTokens(content: WireContent, audioSecondsOf: AudioSecondsOf): ModalityTokens {
  const characters = content.parts.reduce(
    (sum, part) => sum + (typeof part.text === 'string' ? part.text.length : 0),
    0,
  );
  const files = filePartsOf([content]);
  return {
    text: Math.ceil(characters / CHARS_PER_TOKEN),
    image: TOKENS_PER_IMAGE * files.filter((file) => file.mimeType.startsWith('image/')).length,
    audio: Math.ceil(
      AUDIO_TOKENS_PER_SECOND *
        files
          .filter((file) => file.mimeType.startsWith('audio/'))
          .reduce((seconds, file) => seconds + audioSecondsOf(file.fileUri), 0),
    ),
  };
}

/** The system instruction and each content, with its tokens: the units of a cached prefix. */
function promptEntries(contents: readonly (WireContent | undefined)[], audioSecondsOf: AudioSecondsOf) {
  return contents
    .filter((content) => content !== undefined)
    .map((content) => ({ content, tokens: contentTokens(content, audioSecondsOf) }));
}

/** A prompt's size by modality, each content rounded up on its own (as the dry run counts). */
export function estimatePromptTokens(
  contents: readonly (WireContent | undefined)[],
  audioSecondsOf: AudioSecondsOf,
): ModalityTokens {
  return promptEntries(contents, audioSecondsOf).reduce(
    (sum, { tokens }) => addTokens(sum, tokens),
    NO_TOKENS,
  );
}

/** `[{modality, tokenCount}]` as Gemini lists token details, zero counts left out. */
export function modalityDetails(tokens: ModalityTokens): { modality: string; tokenCount: number }[] {
  return Object.entries({ TEXT: tokens.text, IMAGE: tokens.image, AUDIO: tokens.audio })
    .filter(([, tokenCount]) => tokenCount > 0)
    .map(([modality, tokenCount]) => ({ modality, tokenCount }));
}

/**
 * Usage by modality as Gemini reports it (prompt counts include the cached part), and what
 * tp2dg must record for it. The cached part is what `cache` (Gemini's implicit cache, as
 * documented) serves for this prompt.
 */
export function emulatedUsage(request: EmulatedGenerateRequest, reply: string, cache: ImplicitCache) {
  const { body } = request;
  const contents = [body.systemInstruction as WireContent | undefined, ...body.contents];
  const entries = promptEntries(contents, (uri) => request.audioSeconds[uri] ?? 0);
  const prompt = entries.reduce((sum, { tokens }) => addTokens(sum, tokens), NO_TOKENS);
  const cached = cache.cachedPrefix(entries);
  const output = Math.ceil(reply.length / CHARS_PER_TOKEN);
  const promptTotal = totalTokens(prompt);
  const cachedTotal = totalTokens(cached);
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
  return { usageMetadata, expected: billedUsage(prompt, cached, { output, thinking: THINKING_TOKENS }) };
}
