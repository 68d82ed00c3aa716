import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationMetricsSchema } from '@tp2dg/metrics';
import { describe, expect, it } from 'vitest';
import { runSummary } from './run-summary.js';
import { summarizeMetrics } from './summarize-metrics.js';
import { buildConversation, type ConversationOptions } from './test-fixtures.js';
import { SAMPLE_CONVERSATIONS, writeSampleRun } from './test-sample-run.js';

const geminiOptions: ConversationOptions = {
  userId: 'user-8',
  provider: 'gemini',
  model: 'gemini-2.5-flash',
  category: 'A',
  specificity: 'LL',
  assessments: [],
};

describe('summarizeMetrics', () => {
  const [gemini, simulated] = summarizeMetrics(SAMPLE_CONVERSATIONS);

  it('should measure each run directory apart, in path order, counting its simulated conversations', () => {
    expect(gemini).toMatchObject({ run: 'gemini-2.5-flash/demo', simulated: 0, conversations: 2 });
    expect(simulated).toMatchObject({ run: 'simulated-v1/demo', simulated: 1, conversations: 1 });
  });

  it("should give each run the metrics package's figures, as its schema describes them", () => {
    if (gemini === undefined) throw new Error('the sample has a gemini run');
    const { run, simulated: simulatedCount, ...measured } = gemini;
    expect(ConversationMetricsSchema.parse(measured)).toEqual(measured);
    // Five "more?" and five "try this" (see test-fixtures.ts).
    expect(gemini.listener.distinct_1).toEqual({ count: 1, out_of: 5, share: 0.2 });
    expect(gemini.recsys.distinct_2).toEqual({ count: 1, out_of: 5, share: 0.2 });
    expect(gemini.repeated_openings.conversations).toEqual({ count: 2, out_of: 2, share: 1 });
    // The last Recsys turn of user-2 found no track.
    expect(gemini.track_naming.turns).toBe(4);
    expect(gemini.goal_progress_by_target.before_target).toEqual({ count: 2, out_of: 3, share: 0.6667 });
  });

  it('should take the input as the run when it holds the session folders', () => {
    const inRun = { ...buildConversation(geminiOptions), folder: 'user-8/user-8__2020-01-01' };
    expect(summarizeMetrics([inRun]).map((run) => run.run)).toEqual(['.']);
    expect(summarizeMetrics([])).toEqual([]);
  });

  it('should put the metrics in the JSON report', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tp2dg-summary-metrics-'));
    try {
      await writeSampleRun(root);
      const summary = JSON.parse((await runSummary({ input: root, json: true })).stdout);
      expect(summary.metrics.map((run: { run: string }) => run.run)).toEqual([
        'gemini-2.5-flash/demo',
        'simulated-v1/demo',
      ]);
      expect(summary.metrics[1].simulated).toBe(1);
      expect(summary.metrics[0].recsys.message_words).toEqual({ mean: 2, min: 2, max: 2 });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('should measure every conversation of a run, short ones included', () => {
    const short = buildConversation({
      ...geminiOptions,
      endedEarly: { agent: 'recsys', turn: 2, response_code: 'BLOCKED', kept_short: true },
    });
    const [run] = summarizeMetrics([...SAMPLE_CONVERSATIONS.slice(0, 2), short]);
    expect(run?.conversations).toBe(3);
    expect(run?.listener.messages).toBe(6);
  });
});
