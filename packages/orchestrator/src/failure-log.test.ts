import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FailureRecord, FailureRecordSchema, readJsonLines } from '@tp2dg/entities';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFailure } from './failure-log.js';

const failure = (sessionId: string): FailureRecord => ({
  session_id: sessionId,
  user_id: 'u1',
  stage: 'generate',
  agent: 'recsys',
  turn: 2,
  code: 'MODEL_API',
  reason: 'HTTP 503 after 5 attempts',
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tp2dg-failure-log-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('appendFailure', () => {
  it('should read back without a torn last line, reported, and append after it on a fresh line', async () => {
    const file = join(folder, 'failures.jsonl');
    appendFailure(file, failure('s1'));
    const torn = '{"session_id":"s2","user_id":"u1","sta';
    await appendFile(file, torn);
    const parse = (value: unknown) => FailureRecordSchema.safeParse(value).data;
    const before = await readJsonLines(file, parse);
    expect(before.records.map((record) => record.session_id)).toEqual(['s1']);
    expect(before.torn).toEqual({ file, line: 2, text: torn });

    appendFailure(file, failure('s3'));
    const after = await readJsonLines(file, parse);
    expect(after.records.map((record) => record.session_id)).toEqual(['s1', 's3']);
    expect(after.torn).toBeUndefined();
    expect((await readFile(file, 'utf8')).split('\n')).toEqual([
      JSON.stringify(failure('s1')),
      torn,
      JSON.stringify(failure('s3')),
      '',
    ]);
  });
});
