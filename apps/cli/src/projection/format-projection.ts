import { costOfUsage, type PriceTable, priceOf, type TokenUsage } from '@tp2dg/entities';
import type { Projection } from '@tp2dg/orchestrator';

const count = (value: number) => value.toLocaleString('en-US');
const dollars = (value: number) => `$${value.toFixed(4)}`;

/** The cached tokens billed at the full price instead: what the run costs if no cache hit comes. */
function withoutCache(usage: TokenUsage): TokenUsage {
  return {
    ...usage,
    text_input: usage.text_input + usage.cached_text_input,
    image_input: usage.image_input + usage.cached_image_input,
    audio_input: usage.audio_input + usage.cached_audio_input,
    cached_text_input: 0,
    cached_image_input: 0,
    cached_audio_input: 0,
  };
}

/** The `--dry-run` report: calls, input tokens by modality, output tokens and dollars. */
export function formatProjection(projection: Projection, prices?: PriceTable): string[] {
  const { usage } = projection;
  const modelPrices = priceOf(projection.model, prices);
  const cost =
    modelPrices === undefined
      ? `no list price for ${projection.model}`
      : `${dollars(costOfUsage(usage, modelPrices))} at list prices (${dollars(costOfUsage(withoutCache(usage), modelPrices))} if no re-sent history is served from Gemini's implicit cache)`;
  const input = (label: string, full: number, cached: number) =>
    `  ${label.padEnd(6)} ${count(full + cached).padStart(14)}  (${count(cached)} of them from the implicit cache)`;
  return [
    'Dry run: no model call, no upload, nothing written.',
    `Projection for ${count(projection.sessions)} conversation(s) with ${projection.model} ` +
      `(already generated, so left out: ${projection.alreadyGenerated}; skipped by the loader: ${projection.skippedByLoader}):`,
    `  calls  ${count(projection.calls).padStart(14)}`,
    'input tokens:',
    input('text', usage.text_input, usage.cached_text_input),
    input('audio', usage.audio_input, usage.cached_audio_input),
    input('image', usage.image_input, usage.cached_image_input),
    `output tokens: ${count(usage.output)} (thinking tokens are not projected: bound them with --thinking-budget)`,
    `cost: ${cost}`,
    ...(projection.textFieldsCut === 0
      ? []
      : [
          `text fields cut to their caps: ${count(projection.textFieldsCut)} (--max-text-chars, --max-lyrics-chars; --strict stops instead)`,
        ]),
  ];
}
