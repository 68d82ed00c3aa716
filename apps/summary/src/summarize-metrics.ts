import { dirname } from 'node:path';
import { measureConversations } from '@tp2dg/metrics';
import { type ConversationRecord, isSimulated } from './collect.js';
import type { RunMetrics } from './summary-types.js';

/**
 * The run directory a session folder is in: the generator writes
 * `<model>/<corpus>/<user>/<session>`, so it is two levels up (`.` when the input is the run
 * directory itself or a folder inside it).
 */
function runDirectory(sessionFolder: string): string {
  return dirname(dirname(sessionFolder));
}

/** The quality metrics of each run's conversations, runs in path order. */
export function summarizeMetrics(conversations: readonly ConversationRecord[]): RunMetrics[] {
  // Map.groupBy comes with Node 21; tp2dg runs on 20.
  const runs = new Map<string, ConversationRecord[]>();
  for (const conversation of conversations) {
    const run = runDirectory(conversation.folder);
    const group = runs.get(run);
    if (group === undefined) runs.set(run, [conversation]);
    else group.push(conversation);
  }
  return [...runs]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([run, measured]) => ({
      run,
      simulated: measured.filter(isSimulated).length,
      ...measureConversations(measured),
    }));
}
