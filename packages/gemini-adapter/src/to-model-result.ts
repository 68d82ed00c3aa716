import type { GenerateContentResponse } from '@google/genai';
import type { FinishReason, ModelResult, ProviderMetadata } from '@tp2dg/entities';
import { mapUsage } from './map-usage.js';

/**
 * Gemini's finish reasons by the neutral one they mean. Output withheld by the safety
 * classifier, another content filter or the recitation check is withheld all the same; a
 * malformed or unexpected tool call is the generation failing. Any other (`LANGUAGE`, a reason
 * added later) is `other`.
 */
const NEUTRAL_FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  BLOCKLIST: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
  MALFORMED_FUNCTION_CALL: 'error',
  UNEXPECTED_TOOL_CALL: 'error',
};

/**
 * The neutral finish reason and, unless the model just stopped, Gemini's own words: a blocked
 * prompt's `blockReason`, else the candidate's `finishReason`.
 */
export function mapFinishReason(response: GenerateContentResponse): {
  finishReason: FinishReason;
  providerMetadata?: ProviderMetadata;
} {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason !== undefined) return { finishReason: 'content-filter', providerMetadata: { blockReason } };
  const reason = response.candidates?.[0]?.finishReason;
  if (reason === undefined) return { finishReason: 'other' };
  const finishReason = NEUTRAL_FINISH_REASONS[reason] ?? 'other';
  return finishReason === 'stop'
    ? { finishReason }
    : { finishReason, providerMetadata: { finishReason: reason } };
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
    ...mapFinishReason(response),
  };
}
