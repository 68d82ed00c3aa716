import { describe, expect, it } from 'vitest';
import { CallRecordSchema } from './files.js';
import { ModelResultSchema } from './model-port.js';
import { ZERO_USAGE } from './usage.js';

describe('the saved finish reasons and retry operations', () => {
  it('should read the upper-case finish reasons and upload/poll operations of earlier journals as the neutral ones', () => {
    const earlier = ['STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'BLOCKED', 'OTHER'].map((finishReason) =>
      ModelResultSchema.parse({ text: '', usage: ZERO_USAGE, finishReason }),
    );
    expect(earlier.map((result) => result.finishReason)).toEqual([
      'stop',
      'length',
      'content-filter',
      'content-filter',
      'content-filter',
      'other',
    ]);
    const retry = { attempt: 1, status: 503, reason: 'http', delayMs: 10, message: 'HTTP 503' };
    const retried = ModelResultSchema.parse({
      text: 'ok',
      usage: ZERO_USAGE,
      finishReason: 'stop',
      retries: [
        { ...retry, operation: 'upload' },
        { ...retry, operation: 'poll' },
        { ...retry, operation: 'generate' },
      ],
    });
    expect(retried.retries?.map((record) => record.operation)).toEqual(['file', 'file', 'generate']);
  });

  it('should refuse a finish reason that is neither neutral nor an earlier one', () => {
    expect(ModelResultSchema.safeParse({ text: '', usage: ZERO_USAGE, finishReason: 'DONE' }).success).toBe(
      false,
    );
  });

  it('should read a calls.jsonl line of an earlier version with its finish reason made neutral', () => {
    const line = {
      agent: 'recsys',
      turn: 1,
      template: 'recsys-turn',
      attempt: 1,
      provider: 'p',
      model: 'm',
      request: { system_instruction: null, messages: [], response_json_schema: null },
      response_text: '',
      response_code: 'BLOCKED',
      problem: 'the reply was blocked (SAFETY)',
      usage: ZERO_USAGE,
      finish_reason: 'SAFETY',
      latency_ms: 3,
    };
    expect(CallRecordSchema.parse(line)).toMatchObject({ finish_reason: 'content-filter', retries: [] });
  });
});
