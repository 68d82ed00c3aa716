import { isoDay, type PriceTable, pricedModel, pricedModelId, Tp2dgError } from '@tp2dg/entities';

/** The model without `--model`: the named replacement of gemini-2.5-flash, at about its price. */
export const DEFAULT_MODEL = 'gemini-3.5-flash-lite';

/** What to run instead of a model the service does not serve: its replacement when known, or the default. */
function modelAdvice(model: string, prices: PriceTable): string {
  const replacement = pricedModel(model, prices)?.replaced_by;
  if (replacement) {
    return `Use --model ${replacement} (its replacement), or leave --model out for the default, ${DEFAULT_MODEL}.`;
  }
  if (pricedModelId(model) === DEFAULT_MODEL) {
    return `${DEFAULT_MODEL} is tp2dg's default: pass --model with a model the service serves.`;
  }
  return `Check --model, or leave it out for the default, ${DEFAULT_MODEL}.`;
}

/**
 * Refuses, before any call or upload, a model the price table says was shut down by `today`:
 * every call to it would answer 404 after the run had uploaded its media.
 */
export function assertModelInService(model: string, prices: PriceTable, today: Date): void {
  const retiredOn = pricedModel(model, prices)?.retired_on;
  if (retiredOn === null || retiredOn === undefined || retiredOn > isoDay(today)) return;
  throw new Tp2dgError(
    'INVALID_ARGUMENT',
    `--model ${model} was shut down on ${retiredOn}: the service no longer serves it. ${modelAdvice(model, prices)}`,
  );
}

/** The run's error, with what to run instead when it is a model the service did not find. */
export function withModelAdvice(error: unknown, model: string, prices: PriceTable): unknown {
  if (!Tp2dgError.isInstance(error) || error.code !== 'MODEL_NOT_FOUND') return error;
  return new Tp2dgError('MODEL_NOT_FOUND', `${error.message} ${modelAdvice(model, prices)}`, {
    cause: error,
  });
}
