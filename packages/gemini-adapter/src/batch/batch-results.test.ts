import type { BatchJob } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { resultsOf } from './batch-results.js';

const response = (text: string) => ({ candidates: [{ content: { role: 'model', parts: [{ text }] } }] });
const noFile = async (): Promise<string> => {
  throw new Error('no results file to read');
};

describe('resultsOf', () => {
  it('should read a results file by the key of each line, errors included, whatever the line order', async () => {
    const job: BatchJob = { dest: { fileName: 'files/batch-1' } };
    const file = [
      JSON.stringify({ key: 'b', error: { code: 8, message: 'Resource exhausted.' } }),
      '',
      JSON.stringify({ key: 'a', response: response('first') }),
      JSON.stringify({ key: 'stranger', response: response('not ours') }),
    ].join('\n');
    const { byKey, unkeyed } = await resultsOf(job, new Set(['a', 'b', 'c']), async (name) => {
      expect(name).toBe('files/batch-1');
      return file;
    });
    expect(byKey.get('a')).toEqual({ response: response('first') });
    expect(byKey.get('b')).toEqual({ error: { code: 8, message: 'Resource exhausted.' } });
    expect(byKey.has('c')).toBe(false);
    expect(unkeyed).toBe(1);
  });

  it('should match an inline result without its key only when it is the one left for the one call left', async () => {
    // A plain object as it comes over the wire, not the SDK's response class.
    const job = (...keys: Array<string | undefined>) =>
      ({
        dest: {
          inlinedResponses: keys.map((key) => ({
            response: response(`for ${key}`),
            ...(key === undefined ? {} : { metadata: { key } }),
          })),
        },
      }) as unknown as BatchJob;
    const one = await resultsOf(job('a', undefined), new Set(['a', 'b']), noFile);
    expect(one.byKey.get('b')).toEqual({ response: response('for undefined') });
    expect(one.unkeyed).toBe(0);
    const two = await resultsOf(job(undefined, undefined), new Set(['a', 'b']), noFile);
    expect(two.byKey.size).toBe(0);
    expect(two.unkeyed).toBe(2);
  });
});
