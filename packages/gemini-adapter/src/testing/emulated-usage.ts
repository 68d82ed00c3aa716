import {
  addTokens,
  estimateTokens,
  imageTokensOf,
  type ModalityTokens,
  type ModelFacts,
  mediaTokenRatesOf,
  NO_TOKENS,
  textTokens,
  thinkingTokensPerCall,
  totalTokens,
} from '@tp2dg/entities';
import { mediaResolutionOfLevel } from '../part-media-resolution.js';
import { modelFactsOf } from '../prices/gemini-prices.js';
import { billedUsage } from '../usage-estimate/billed-usage.js';
import { type ImplicitCache, servedThroughExplicitCache } from '../usage-estimate/implicit-cache.js';
import type { EmulatedGenerateBody, EmulatedGenerateRequest } from './emulator-types.js';
import { filePartsOf, type WireContent, type WireFilePart } from './wire-request.js';

/** The playing time of an uploaded audio file by its URI; 0 for a file the emulator cannot time. */
export type AudioSecondsOf = (fileUri: string) => number;

/**
 * One content's tokens on a model, by the price table's figures and the entities' estimate the
 * dry run uses too: 4 characters a token, its audio files' playing time at the model's tokens a
 * second (summed, then rounded up), and each image at the model's tokens for the media resolution its part asks
 * for (the model's default when it asks for none, or when the model takes none per part).
 */
function contentTokens(
  content: WireContent,
  facts: ModelFacts,
  audioSecondsOf: AudioSecondsOf,
): ModalityTokens {
  const characters = content.parts.reduce(
    (sum, part) => sum + (typeof part.text === 'string' ? part.text.length : 0),
    0,
  );
  const audioSeconds = filePartsOf([content])
    .filter((file) => file.mimeType.startsWith('audio/'))
    .reduce((seconds, file) => seconds + audioSecondsOf(file.fileUri), 0);
  // The estimate's text and audio; its images one by one, as each part may ask for its own resolution.
  const { text, audio } = estimateTokens(
    { characters, audioSeconds, images: 0 },
    mediaTokenRatesOf(facts, undefined),
  );
  const image = content.parts
    .filter((part) => (part.fileData as WireFilePart | undefined)?.mimeType.startsWith('image/'))
    .map((part) => (part.mediaResolution as { level?: unknown } | undefined)?.level)
    .reduce((sum: number, level) => sum + imageTokensOf(facts, mediaResolutionOfLevel(level)), 0);
  return { text, audio, image };
}

/** The system instruction and each content, with its tokens: the units of a cached prefix. */
function promptEntries(
  contents: readonly (WireContent | undefined)[],
  model: string,
  audioSecondsOf: AudioSecondsOf,
) {
  const facts = modelFactsOf(model);
  return contents
    .filter((content) => content !== undefined)
    .map((content) => ({ content, tokens: contentTokens(content, facts, audioSecondsOf) }));
}

/** A prompt's size by modality on a model, each content rounded up on its own (as the dry run counts). */
export function estimatePromptTokens(
  contents: readonly (WireContent | undefined)[],
  model: string,
  audioSecondsOf: AudioSecondsOf,
): ModalityTokens {
  return promptEntries(contents, model, audioSecondsOf).reduce(
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
 * The thinking a call does on the emulated model: the whole thinking budget the request sets,
 * or the model's default figure from the price table (what the dry run counts too).
 */
function thinkingTokens(body: EmulatedGenerateBody, model: string): number {
  const thinkingConfig = body.generationConfig?.thinkingConfig as { thinkingBudget?: number } | undefined;
  return thinkingTokensPerCall(modelFactsOf(model), thinkingConfig?.thinkingBudget);
}

/**
 * Usage by modality as Gemini reports it (prompt counts include the cached part), and what
 * tp2dg must record for it. The cached part is what `cache` (Gemini's implicit cache, as
 * documented) serves for this prompt, and for a request that names an explicit cache, that cache
 * whole, with the history after it when the implicit cache holds it too.
 */
export function emulatedUsage(
  request: EmulatedGenerateRequest,
  reply: string,
  cache: Pick<ImplicitCache, 'cachedPrefix'>,
) {
  const { body, model } = request;
  const contents = [body.systemInstruction as WireContent | undefined, ...body.contents];
  const entries = promptEntries(contents, model, (uri) => request.audioSeconds[uri] ?? 0);
  const sent = entries.reduce((sum, { tokens }) => addTokens(sum, tokens), NO_TOKENS);
  const explicit = request.cachedContent;
  const cached =
    explicit === undefined
      ? cache.cachedPrefix(entries)
      : servedThroughExplicitCache(explicit.tokens, cache, [
          { content: { cachedContent: explicit.name }, tokens: explicit.tokens },
          ...entries,
        ]);
  const prompt = explicit === undefined ? sent : addTokens(sent, explicit.tokens);
  const output = textTokens(reply.length);
  const thinking = thinkingTokens(body, model);
  const promptTotal = totalTokens(prompt);
  const cachedTotal = totalTokens(cached);
  const usageMetadata = {
    promptTokenCount: promptTotal,
    candidatesTokenCount: output,
    ...(thinking > 0 ? { thoughtsTokenCount: thinking } : {}),
    totalTokenCount: promptTotal + output + thinking,
    promptTokensDetails: modalityDetails(prompt),
    ...(cachedTotal > 0
      ? { cachedContentTokenCount: cachedTotal, cacheTokensDetails: modalityDetails(cached) }
      : {}),
  };
  return { usageMetadata, expected: billedUsage(prompt, cached, { output, thinking }) };
}
