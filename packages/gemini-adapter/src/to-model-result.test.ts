import { describe, expect, it } from 'vitest';
import { startTestRig, textRequest } from './test-helpers.js';

describe('result mapping', () => {
  it('should map a blocked prompt to BLOCKED with empty text', async () => {
    const { model } = await startTestRig({
      respond: () => ({ blockReason: 'PROHIBITED_CONTENT', usageMetadata: { promptTokenCount: 12 } }),
    });
    const result = await model.generate(textRequest('hi'));
    expect(result.finishReason).toBe('BLOCKED');
    expect(result.text).toBe('');
    expect(result.usage.text_input).toBe(12);
  });

  it('should map a SAFETY stop without content to SAFETY with empty text', async () => {
    const { model } = await startTestRig({ respond: () => ({ finishReason: 'SAFETY' }) });
    const result = await model.generate(textRequest('hi'));
    expect(result).toMatchObject({ text: '', finishReason: 'SAFETY' });
  });

  it('should map output withheld by other content filters to SAFETY', async () => {
    for (const finishReason of ['PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII']) {
      const { model } = await startTestRig({ respond: () => ({ finishReason }) });
      expect((await model.generate(textRequest('hi'))).finishReason, finishReason).toBe('SAFETY');
    }
  });

  it('should keep MAX_TOKENS and RECITATION and map other reasons to OTHER', async () => {
    const reasons = ['MAX_TOKENS', 'RECITATION', 'MALFORMED_FUNCTION_CALL', 'LANGUAGE'];
    const { model } = await startTestRig({
      respond: (request) => ({ text: 'partial', finishReason: reasons[request.index] ?? 'STOP' }),
    });
    const mapped: string[] = [];
    for (const _ of reasons) mapped.push((await model.generate(textRequest('hi'))).finishReason);
    expect(mapped).toEqual(['MAX_TOKENS', 'RECITATION', 'OTHER', 'OTHER']);
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
