import { describe, expect, it } from 'vitest';
import { startTestRig, textRequest } from './test-helpers.js';

describe('result mapping', () => {
  it('should map a blocked prompt to content-filter with empty text and keep its block reason', async () => {
    const { model } = await startTestRig({
      respond: () => ({ blockReason: 'PROHIBITED_CONTENT', usageMetadata: { promptTokenCount: 12 } }),
    });
    const result = await model.generate(textRequest('hi'));
    expect(result.finishReason).toBe('content-filter');
    expect(result.providerMetadata).toEqual({ blockReason: 'PROHIBITED_CONTENT' });
    expect(result.text).toBe('');
    expect(result.usage.text_input).toBe(12);
  });

  it('should map output withheld by any content filter to content-filter with its own reason', async () => {
    for (const finishReason of ['SAFETY', 'RECITATION', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII']) {
      const { model } = await startTestRig({ respond: () => ({ finishReason }) });
      const result = await model.generate(textRequest('hi'));
      expect(result, finishReason).toMatchObject({
        text: '',
        finishReason: 'content-filter',
        providerMetadata: { finishReason },
      });
    }
  });

  it('should map STOP, MAX_TOKENS and a malformed tool call, and any other reason to other', async () => {
    const reasons = ['STOP', 'MAX_TOKENS', 'MALFORMED_FUNCTION_CALL', 'LANGUAGE'];
    const { model } = await startTestRig({
      respond: (request) => ({ text: 'partial', finishReason: reasons[request.index] ?? 'STOP' }),
    });
    const mapped: string[] = [];
    for (const _ of reasons) mapped.push((await model.generate(textRequest('hi'))).finishReason);
    expect(mapped).toEqual(['stop', 'length', 'error', 'other']);
  });

  it('should leave thought parts out of the text', async () => {
    const { model } = await startTestRig({
      respond: () => ({
        status: 200,
        body: {
          candidates: [
            {
              content: { role: 'model', parts: [{ text: 'thinking...', thought: true }, { text: 'answer' }] },
              finishReason: 'STOP',
            },
          ],
        },
      }),
    });
    expect((await model.generate(textRequest('hi'))).text).toBe('answer');
  });
});
