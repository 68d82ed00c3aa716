import type { ModelPort } from '@tp2dg/entities';
import { CallSlots } from './call-slots.js';
import type { ModelFactory } from './run-types.js';

/**
 * The same models, with at most `limit` calls in flight across all of them. A run takes
 * `concurrency` sessions at a time, and a conversation makes two calls at once twice (profile
 * and goal, then both primings): without this, a run of N sessions could send 2N calls.
 * Calls answered from a journal never reach the model and take no slot.
 */
export function limitCallsInFlight(models: ModelFactory, limit: number): ModelFactory {
  const slots = new CallSlots(limit);
  return {
    provider: models.provider,
    model: models.model,
    capabilities: models.capabilities,
    forSession(session): ModelPort {
      const model = models.forSession(session);
      return {
        provider: model.provider,
        model: model.model,
        async generate(request) {
          const release = await slots.take(request.signal);
          try {
            return await model.generate(request);
          } finally {
            release();
          }
        },
        // Takes no slot: releasing what a conversation held is no model call.
        async close() {
          await model.close?.();
        },
      };
    },
  };
}
