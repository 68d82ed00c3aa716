import type { TokenUsage } from '@tp2dg/entities';
import type { ContextCacheMode } from '../context-cache-choice.js';

const dollars = (value: number) => `$${value.toFixed(4)}`;

/** How the projection counted thinking: tokens per call, and on what grounds. */
export interface ThinkingBasis {
  perCall: number;
  basis: string;
}

/** How the run would cache and price its calls, as the report says it. */
export interface ProjectionNotes {
  contextCache: ContextCacheMode;
  /** How the service tier priced the calls; none for standard. */
  tierNote?: string | undefined;
}

/** What a dry run projects, whatever it projects (a run, an evaluation). */
export interface ProjectedCalls {
  calls: number;
  usage: TokenUsage;
  costUsd: number;
  uncachedCostUsd: number;
}

/** `1,234`, as the reports write counts. */
export const count = (value: number) => value.toLocaleString('en-US');

/**
 * The `--dry-run` report: what is projected (`heading`), then calls, input tokens by modality,
 * output and thinking tokens, and dollars.
 */
export function formatProjection(
  heading: string,
  projection: ProjectedCalls,
  thinking: ThinkingBasis,
  { contextCache, tierNote }: ProjectionNotes,
): string[] {
  const { usage } = projection;
  const explicit = contextCache === 'explicit';
  const servedBy = explicit ? 'context caches' : 'the implicit cache';
  const input = (label: string, full: number, cached: number) =>
    `  ${label.padEnd(6)} ${count(full + cached).padStart(14)}  (${count(cached)} of them from ${servedBy})`;
  const storageHours = Math.round(usage.cache_storage_token_seconds / 3600);
  const created =
    usage.cache_creation_text_input + usage.cache_creation_image_input + usage.cache_creation_audio_input;
  return [
    'Dry run: no model call, no upload, nothing written.',
    heading,
    `  calls  ${count(projection.calls).padStart(14)}`,
    'input tokens:',
    input('text', usage.text_input, usage.cached_text_input),
    input('audio', usage.audio_input, usage.cached_audio_input),
    input('image', usage.image_input, usage.cached_image_input),
    `output tokens: ${count(usage.output)}`,
    `thinking tokens: ${count(usage.thinking)}, billed as output (${count(thinking.perCall)} a call: ${thinking.basis})`,
    ...(explicit
      ? [
          `cache creations: ${count(created)} tokens, billed once at the input price`,
          `cache storage: ${count(storageHours)} token-hours, the TTL each cache is made with (an upper bound: a cache is deleted when its conversation ends)`,
        ]
      : []),
    `cost: ${dollars(projection.costUsd)} at list prices (${dollars(projection.uncachedCostUsd)} ${
      explicit
        ? 'if no cache were made nor served anything'
        : "if no re-sent history is served from Gemini's implicit cache"
    })`,
    ...(tierNote === undefined ? [] : [tierNote]),
  ];
}
