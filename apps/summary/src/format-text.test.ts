import { describe, expect, it } from 'vitest';
import { formatText } from './format-text.js';
import { summarize } from './summarize.js';
import { buildConversation, buildEvaluation, type ConversationOptions } from './test-fixtures.js';
import { SAMPLE_CONVERSATIONS, SAMPLE_FAILURES } from './test-sample-run.js';

const sample = summarize('run', {
  conversations: SAMPLE_CONVERSATIONS,
  failures: SAMPLE_FAILURES,
  invalid_files: [],
});
const unknownModelOptions: ConversationOptions = {
  userId: 'user-9',
  provider: 'gemini',
  model: 'gemini-9-ultra',
  category: 'C',
  specificity: 'HL',
  assessments: [],
};
const unknownModel = buildConversation(unknownModelOptions);

describe('formatText', () => {
  it('should open with the simulated-data warning when any conversation is simulated', () => {
    const [firstLine, secondLine] = formatText(sample).split('\n');
    expect(firstLine).toBe(
      "SIMULATED DATA: 1 of 3 conversations are simulated offline output (provider 'simulated'), NOT LLM output.",
    );
    expect(secondLine).toBe('tp2dg summary of run');
  });

  it('should list each failure with its agent and turn, and cut a long list short', () => {
    expect(formatText(sample)).toContain('  user-7__2020-01-01 (recsys, turn 4): MODEL_TIMEOUT: slow');
    const timeout = SAMPLE_FAILURES.find((failure) => failure.code === 'MODEL_TIMEOUT');
    if (timeout === undefined) throw new Error('the sample has a timeout');
    const many = Array.from({ length: 23 }, (_, index) => ({ ...timeout, session_id: `s${index}` }));
    const text = formatText(summarize('run', { conversations: [], failures: many, invalid_files: [] }));
    expect(text.split('\n').filter((line) => line.includes(': MODEL_TIMEOUT: slow'))).toHaveLength(20);
    expect(text).toContain('  ... and 3 more (all of them with --json)');
  });

  it('should say how many conversations are short, and nothing when none is', () => {
    const endedEarly = {
      agent: 'listener',
      turn: 2,
      response_code: 'PARSE_ERROR',
      kept_short: true,
    } as const;
    const short = buildConversation({ ...unknownModelOptions, endedEarly });
    const text = formatText(summarize('run', { conversations: [short], failures: [], invalid_files: [] }));
    expect(text).toContain(
      'Conversations: 1, 1 of them short (fewer turns than asked; ended_early in session.json)',
    );
    expect(formatText(sample)).toContain('Conversations: 3\n');
  });

  it('should show goals as a category x specificity table with totals', () => {
    const lines = formatText(sample).split('\n');
    expect(lines).toContain('  category  LL  HL  LH  HH  total');
    expect(lines).toContain('  G          0   0   0   1      1');
  });

  it('should align the cost table and print the mean per billed conversation', () => {
    const lines = formatText(sample).split('\n');
    expect(lines).toContain('  recsys               7               0                3  $0.0459');
    expect(lines).toContain('Mean per billed conversation: $0.0590 over 2 billed conversations');
  });

  it('should say price unknown instead of $0 and name the unknown model, without a simulated warning', () => {
    const text = formatText(
      summarize('run', { conversations: [unknownModel], failures: [], invalid_files: [] }),
    );
    expect(text.split('\n')[0]).toBe('tp2dg summary of run');
    expect(text).toMatch(/^ {2}total +0 +6 +0 +price unknown$/m);
    expect(text).toContain('Price unknown for: gemini-9-ultra (pass --prices FILE with their prices)');
    expect(text).not.toContain('$0');
    expect(text).toContain('no assessed turns');
  });

  it('should mark simulated-only costs as not billed, with no mean', () => {
    const simulated = SAMPLE_CONVERSATIONS.filter(
      ({ session }) => session.provenance.provider === 'simulated',
    );
    const text = formatText(summarize('run', { conversations: simulated, failures: [], invalid_files: [] }));
    expect(text).toMatch(/^ {2}total +0 +0 +8 +not billed$/m);
    expect(text).toContain('Mean per billed conversation: none');
  });

  it('should show each judge and its rubric means when conversations were evaluated, and nothing of it otherwise', () => {
    const evaluation = buildEvaluation('gemini-3.5-flash', [
      { rubric: 'goal_fit', turn: null, score: 3 },
      { rubric: 'progress_label', turn: 2, score: 4 },
      { rubric: 'progress_label', turn: 3, score: 1 },
    ]);
    const judged = buildConversation({ ...unknownModelOptions, evaluation });
    const text = formatText(
      summarize('run', { conversations: [judged, ...SAMPLE_CONVERSATIONS], failures: [], invalid_files: [] }),
    );
    expect(text).toContain('Judge scores (eval.json of tp2dg-eval): 1 of 4 conversations evaluated\n');
    expect(text).toContain(
      `  judge gemini/gemini-3.5-flash (rubrics sha256 ffffffffffff): 1 conversations, scores 1 to 4\n`,
    );
    expect(text).toMatch(/\n {2}goal_fit +3\.00 +1\n/);
    expect(text).toMatch(/\n {2}progress_label +2\.50 +2\n/);
    expect(text).toMatch(/\n {2}goal_fulfilment +- +0\n/);
    expect(formatText(sample)).not.toContain('Judge scores');
  });
});
