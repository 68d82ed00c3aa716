import { addUsage, type ModelPort, type ModelRequest, type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';
import type { CallJournal } from './call-journal.js';
import { requestKey } from './request-key.js';

/** A model that answers from a conversation's journal first and journals every new answer. */
export interface JournaledModel extends ModelPort {
  /** Calls answered from the journal: paid for by an earlier run. */
  readonly replayedCalls: number;
  /** Calls this run made, and what they used. */
  readonly paidCalls: number;
  readonly paidUsage: TokenUsage;
}

export function journaledModel(model: ModelPort, journal: CallJournal): JournaledModel {
  let replayedCalls = 0;
  let paidCalls = 0;
  let paidUsage = ZERO_USAGE;
  return {
    provider: model.provider,
    model: model.model,
    get replayedCalls() {
      return replayedCalls;
    },
    get paidCalls() {
      return paidCalls;
    },
    get paidUsage() {
      return paidUsage;
    },
    async generate(request: ModelRequest) {
      const key = requestKey(request);
      const recorded = journal.take(key);
      if (recorded !== undefined) {
        replayedCalls += 1;
        return recorded;
      }
      const result = await model.generate(request);
      paidCalls += 1;
      paidUsage = addUsage(paidUsage, result.usage);
      await journal.append(key, { agent: request.label.agent, turn: request.label.turn }, result);
      return result;
    },
  };
}
