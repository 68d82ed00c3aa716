import type { ServerResponse } from 'node:http';
import { pricedModelId } from '@tp2dg/entities';
import { GEMINI_PRICE_TABLE } from '../prices/gemini-prices.js';
import type { EmulatedHttpReply } from './emulator-types.js';
import { sendGoogleError, sendJson } from './send-emulated-reply.js';

/** The models the service serves by default: every one of the price table that is not retired. */
function currentModels(): string[] {
  return Object.entries(GEMINI_PRICE_TABLE.models)
    .filter(([, model]) => model.status !== 'retired')
    .map(([id]) => id);
}

/**
 * The models an emulator serves. Any other id answers 404 NOT_FOUND, worded as Google words it,
 * on a lookup, generateContent and countTokens alike: what a retired model answers.
 */
export class EmulatedModels {
  private readonly served: ReadonlySet<string>;
  lookups = 0;
  refusals = 0;

  constructor(ids: readonly string[] = currentModels()) {
    this.served = new Set(ids.map(pricedModelId));
  }

  /** True when the model is served; otherwise answers the 404 and returns false. */
  admit(model: string, response: ServerResponse): boolean {
    if (this.served.has(pricedModelId(model))) return true;
    this.refusals += 1;
    const message = `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`;
    sendGoogleError(response, 404, message);
    return false;
  }

  /** `GET models/{m}`: the model's resource, or 404, unless `fault` answers instead. */
  get(model: string, response: ServerResponse, fault: EmulatedHttpReply | undefined): void {
    this.lookups += 1;
    if (!this.admit(model, response)) return;
    if (fault !== undefined) {
      sendJson(response, fault.status, fault.body, fault.headers);
      return;
    }
    sendJson(response, 200, {
      name: `models/${model}`,
      displayName: model,
      supportedGenerationMethods: ['generateContent', 'countTokens'],
    });
  }
}
