import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  CallRecordSchema,
  costAtTier,
  type PriceTable,
  pricedModel,
  ratesOn,
  tryParseJson,
} from '@tp2dg/entities';
import type { SessionHeader } from './session-record.js';

const CallCostFieldsSchema = CallRecordSchema.pick({ model: true, usage: true, service_tier: true });

/**
 * A conversation's cost at list prices, call by call from its `calls.jsonl` (a long prompt
 * is billed at its own tier, so summed usage cannot be priced), as `tp2dg-summary` prices it.
 * Null when it has no real price: simulated (its token counts are invented), a model the
 * table (the provider's list prices) does not know, or no readable call log. The log is read line by line: it repeats the
 * history in every call and is the largest file of a session.
 */
export async function conversationCost(header: SessionHeader, prices: PriceTable): Promise<number | null> {
  if (header.simulated) return null;
  const generatedAt =
    header.file.generated_at === undefined ? new Date() : new Date(header.file.generated_at);
  const lines = createInterface({
    input: createReadStream(join(header.folder, 'calls.jsonl')),
    crlfDelay: Infinity,
  });
  let usd = 0;
  try {
    for await (const line of lines) {
      if (line === '') continue;
      const call = CallCostFieldsSchema.safeParse(tryParseJson(line));
      if (!call.success) return null;
      const model = pricedModel(call.data.model, prices);
      if (model === undefined) return null;
      usd += costAtTier(call.data.usage, ratesOn(model, generatedAt), model, call.data.service_tier);
    }
  } catch {
    return null;
  }
  return usd;
}
