import type { GenerateContentResponse } from '@google/genai';
import type { FinishReason, ModelResult } from '@tp2dg/entities';
import { mapUsage } from './map-usage.js';

const passedThrough = new Set<string>(['STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION']);
/** Output withheld by a content filter other than the safety classifier: blocked all the same. */
const blockedOutput = new Set<string>(['PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII']);

export function mapFinishReason(response: GenerateContentResponse): FinishReason {
  if (response.promptFeedback?.blockReason !== undefined) return 'BLOCKED';
  const reason = response.candidates?.[0]?.finishReason;
  if (reason === undefined) return 'OTHER';
  if (blockedOutput.has(reason)) return 'SAFETY';
  return passedThrough.has(reason) ? (reason as FinishReason) : 'OTHER';
}

/**
 * The text of the first candidate without thought parts: what `response.text` returns, read
 * directly because that getter prints warnings to the console, and libraries never print.
 */
export function responseText(response: GenerateContentResponse): string {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return parts
    .filter((part) => typeof part.text === 'string' && part.thought !== true)
    .map((part) => part.text)
    .join('');
}

export function toModelResult(response: GenerateContentResponse): ModelResult {
  return {
    text: responseText(response),
    usage: mapUsage(response.usageMetadata),
    finishReason: mapFinishReason(response),
  };
}
