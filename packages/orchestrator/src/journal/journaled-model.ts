import type { ModelPort, ModelRequest } from '@tp2dg/entities';
import type { CallJournal } from './call-journal.js';
import { requestKey } from './request-key.js';

/** A model that answers from a conversation's journal first and journals every new answer. */
export interface JournaledModel extends ModelPort {
  /** Calls answered from the journal: paid for by an earlier run. */
  readonly replayedCalls: number;
}

export function journaledModel(model: ModelPort, journal: CallJournal): JournaledModel {
  let replayedCalls = 0;
  return {
    provider: model.provider,
    model: model.model,
    get replayedCalls() {
      return replayedCalls;
    },
    async generate(request: ModelRequest) {
      const key = requestKey(request);
      const recorded = journal.take(key);
      if (recorded !== undefined) {
        replayedCalls += 1;
        return recorded;
      }
      const result = await model.generate(request);
      journal.append(key, { agent: request.label.agent, turn: request.label.turn }, result);
      return result;
    },
    async close() {
      await model.close?.();
    },
  };
}
