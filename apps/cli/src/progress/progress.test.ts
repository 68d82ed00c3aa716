import { type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';
import type { RunEvent } from '@tp2dg/orchestrator';
import { describe, expect, it } from 'vitest';
import { createProgressReporter, describeEvent } from './progress-reporter.js';
import { ProgressTally } from './progress-tally.js';
import { MINIMUM_RATE_SPAN_MS, RATE_WINDOW_MS } from './sliding-rate.js';

const usage: TokenUsage = { ...ZERO_USAGE, text_input: 100_000, audio_input: 10_000, output: 2_000 };
const PER_SESSION_USD = 0.0425;

const written = (
  sessionId: string,
  costUsd: number | null = PER_SESSION_USD,
  used: TokenUsage = usage,
): RunEvent => ({
  type: 'session-written',
  sessionId,
  folder: `/out/${sessionId}`,
  turns: 8,
  endedEarly: null,
  calls: 20,
  replayedCalls: 0,
  model: 'gemini-3.5-flash-lite',
  usage: used,
  costUsd,
});

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ProgressTally', () => {
  it('should count sessions, spend at list prices, project the total and give an ETA', () => {
    const time = clock();
    const tally = new ProgressTally(time.now);
    tally.record({ type: 'run-started', total: 4 });
    time.advance(30_000);
    tally.record(written('s1'));
    tally.record({
      type: 'session-failed',
      sessionId: 's2',
      agent: 'recsys',
      turn: 3,
      code: 'MODEL_API',
      reason: 'HTTP 503',
    });
    const snapshot = tally.snapshot();
    expect(snapshot).toMatchObject({ done: 2, total: 4, written: 1, failedByCode: { MODEL_API: 1 } });
    expect(snapshot.spentUsd).toBeCloseTo(PER_SESSION_USD, 10);
    expect(snapshot.projectedUsd).toBeCloseTo(PER_SESSION_USD * 4, 10);
    // 2 sessions in 30 s: the 2 left take another 30 s.
    expect(snapshot.etaSeconds).toBeCloseTo(30, 5);
    expect(snapshot.callsPerMinute).toBeCloseTo(40, 5);
  });

  it('should time the sessions it generated only, not those found written, for the ETA', () => {
    const time = clock();
    const tally = new ProgressTally(time.now);
    tally.record({ type: 'run-started', total: 10 });
    for (const sessionId of ['k1', 'k2', 'k3', 'k4', 'k5'])
      tally.record({ type: 'session-exists', sessionId, folder: `/out/${sessionId}` });
    expect(tally.snapshot().etaSeconds).toBeUndefined();
    // A batch round: a minute, then its conversation is written.
    time.advance(60_000);
    tally.record(written('s1'));
    // One generated in 60 s, 4 to go: 240 s, not the 40 s that counting the kept 5 would say.
    expect(tally.snapshot().etaSeconds).toBeCloseTo(240, 5);
  });

  it("should give no rate over a run's first seconds, when sessions finishing at once would read as millions a minute", () => {
    const time = clock();
    const tally = new ProgressTally(time.now);
    tally.record({ type: 'run-started', total: 40 });
    time.advance(2);
    for (let session = 0; session < 8; session++) tally.record(written(`s${session}`));
    expect(tally.snapshot()).toMatchObject({ written: 8, callsPerMinute: null, tokensPerMinute: null });
    time.advance(MINIMUM_RATE_SPAN_MS - 2);
    // 160 calls in the 10 s the run has lasted.
    expect(tally.snapshot().callsPerMinute).toBeCloseTo(960, 5);
  });

  it('should rate the last minute by the clock, not the whole run', () => {
    const time = clock();
    const tally = new ProgressTally(time.now);
    time.advance(30_000);
    tally.record(written('s1'));
    time.advance(90_000);
    tally.record(written('s2'));
    tally.record(written('s3'));
    time.advance(30_000);
    // At 150 s, the minute back to 90 s holds s2 and s3 only: 40 calls, 224,000 tokens.
    expect(tally.snapshot().callsPerMinute).toBeCloseTo(40, 5);
    expect(tally.snapshot().tokensPerMinute).toBeCloseTo(224_000, 5);
    time.advance(RATE_WINDOW_MS);
    expect(tally.snapshot()).toMatchObject({ callsPerMinute: 0, tokensPerMinute: 0 });
  });

  it("should count a simulated session's calls but not its estimated tokens", () => {
    const time = clock();
    const tally = new ProgressTally(time.now);
    time.advance(20_000);
    tally.record({ ...written('s1', 0), model: 'simulated' } as RunEvent);
    expect(tally.snapshot().callsPerMinute).toBeCloseTo(60, 5);
    expect(tally.snapshot().tokensPerMinute).toBeNull();
  });

  it('should count the tokens of the calls per minute, not what their caches were made of or stored', () => {
    const time = clock();
    const tally = new ProgressTally(time.now);
    tally.record({ type: 'run-started', total: 1 });
    time.advance(30_000);
    const cached = {
      cached_text_input: 4_000,
      cache_creation_text_input: 4_000,
      cache_storage_token_seconds: 4_096 * 420,
    };
    tally.record(written('s1', PER_SESSION_USD, { ...usage, ...cached }));
    // 100,000 + 10,000 + 2,000 tokens and 4,000 served from the cache, in half a minute.
    expect(tally.snapshot().tokensPerMinute).toBeCloseTo((112_000 + 4_000) * 2, 5);
  });

  it('should not bill simulated sessions, and know no cost once a session came without a price', () => {
    const tally = new ProgressTally(clock().now);
    tally.record({ type: 'run-started', total: 3 });
    tally.record(written('s1', 0));
    expect(tally.snapshot()).toMatchObject({ spentUsd: 0, projectedUsd: 0 });
    tally.record(written('s2', null));
    tally.record(written('s3'));
    expect(tally.snapshot()).toMatchObject({ spentUsd: null, projectedUsd: undefined });
  });
});

describe('createProgressReporter', () => {
  it('should write one JSON object per event in json mode', () => {
    const output: string[] = [];
    const reporter = createProgressReporter('json', (text) => output.push(text), clock().now);
    reporter.report({ type: 'run-started', total: 2 });
    reporter.report(written('s1'));
    const lines = output
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.event.type)).toEqual(['run-started', 'session-written']);
    expect(lines[1].progress).toMatchObject({ done: 1, total: 2, written: 1 });
  });

  it('should keep one updating line on a terminal, and end it when asked', () => {
    const output: string[] = [];
    const reporter = createProgressReporter('tty', (text) => output.push(text), clock().now);
    reporter.report({ type: 'run-started', total: 2 });
    reporter.report(written('s1'));
    reporter.finish();
    expect(output.filter((text) => text.startsWith('\r\x1b[K'))).toHaveLength(2);
    expect(output.at(-2)).toContain('1/2 sessions');
    expect(output.at(-1)).toBe('\n');
  });

  it('should write a line per session with the figures in lines mode', () => {
    const output: string[] = [];
    const reporter = createProgressReporter('lines', (text) => output.push(text), clock().now);
    reporter.report({ type: 'run-started', total: 2 });
    reporter.report(written('s1'));
    expect(output).toEqual([
      'started: 2 sessions\n',
      expect.stringMatching(
        /^wrote s1: 8 turns, 20 calls \[1\/2 sessions, .*\$0\.\d{4} of ~\$0\.\d{4}.*\]\n$/,
      ),
    ]);
  });

  it('should leave the rates out of the line until they can be measured', () => {
    const time = clock();
    const output: string[] = [];
    const reporter = createProgressReporter('lines', (text) => output.push(text), time.now);
    reporter.report({ type: 'run-started', total: 2 });
    time.advance(5);
    reporter.report(written('s1'));
    time.advance(MINIMUM_RATE_SPAN_MS - 5);
    reporter.report(written('s2'));
    expect(output[1]).toMatch(/^wrote s1: 8 turns, 20 calls \[1\/2 sessions, \$/);
    expect(output[2]).toMatch(/\[2\/2 sessions, 240 calls\/min, 1344000 tokens\/min, \$/);
  });

  it('should say price unknown, never $0, for a model without a list price', () => {
    const output: string[] = [];
    const reporter = createProgressReporter('lines', (text) => output.push(text), clock().now);
    reporter.report({ type: 'run-started', total: 2 });
    reporter.report(written('s1', null));
    expect(output[1]).toMatch(/^wrote s1: .*\[1\/2 sessions, price unknown \(pass --prices\)(, |\])/);
    expect(output[1]).not.toContain('$');
  });

  it('should say what each batch round did on a line of its own, with no snapshot', () => {
    const output: string[] = [];
    const reporter = createProgressReporter('lines', (text) => output.push(text), clock().now);
    reporter.report({
      type: 'batch',
      stage: 'submitted',
      job: 'batches/7',
      calls: 16,
      input: 'inline',
      bytes: 34_500,
    });
    reporter.report({ type: 'batch', stage: 'resumed', job: 'batches/6', calls: 4 });
    reporter.report({
      type: 'batch',
      stage: 'ended',
      job: 'batches/7',
      state: 'JOB_STATE_EXPIRED',
      answered: 12,
      unanswered: 4,
      unkeyed: 0,
      elapsedMs: 192_000,
    });
    expect(output).toEqual([
      'batch job batches/7: 16 call(s) sent (inline, 35 kB)\n',
      'batch job batches/6 from an earlier run: its calls wait on it instead of going again\n',
      'batch job batches/7 expired after 3m12s: 12 answered, 4 unanswered go again\n',
    ]);
    expect(reporter.tally.snapshot().done).toBe(0);
  });

  it('should say where a conversation kept short stopped', () => {
    const endedEarly = { agent: 'recsys', turn: 3, response_code: 'BLOCKED', kept_short: true } as const;
    const event = { ...written('s1'), turns: 2, endedEarly } as RunEvent;
    expect(describeEvent(event)).toBe('wrote s1: 2 turns, 20 calls, kept short: recsys turn 3 got BLOCKED');
  });

  it("should count an evaluation's calls and dollars as a conversation's, and say what it judged", () => {
    const lines: string[] = [];
    const reporter = createProgressReporter('lines', (text) => lines.push(text), clock().now);
    reporter.report({ type: 'run-started', total: 3 });
    reporter.report({ type: 'session-already-evaluated', sessionId: 's1', folder: '/out/s1' });
    reporter.report({
      type: 'session-evaluated',
      sessionId: 's2',
      folder: '/out/s2',
      judgements: 35,
      calls: 30,
      replayedCalls: 5,
      model: 'gemini-3.5-flash-lite',
      usage,
      costUsd: 0.01,
    });
    expect(lines.slice(1)).toEqual([
      'kept s1: already evaluated by this judge and these rubrics [1/3 sessions, $0.0000]\n',
      'evaluated s2: 35 judgements, 30 calls (+5 replayed from its journal) [2/3 sessions, $0.0100 of ~$0.0300, ETA 0s]\n',
    ]);
  });
});
