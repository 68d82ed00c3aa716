import { costOfCall, priceOf } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { GEMINI_PRICE_TABLE } from './prices/gemini-prices.js';
import { rejectionOf, startTestRig, textRequest } from './test-helpers.js';
import { serviceTierOf } from './testing/emulated-bill.js';

/** Every flex request is shed; standard and priority ones are answered. */
const shedEveryFlex = { faults: { rates: { shedFlex: 1 }, random: () => 0 } };

describe('createGeminiAdapter service tier', () => {
  it('should send the tier as a top-level serviceTier, standard by default', async () => {
    const standard = await startTestRig({});
    const flex = await startTestRig({}, { serviceTier: 'flex' });
    const priority = await startTestRig({}, { serviceTier: 'priority' });
    const results = await Promise.all(
      [standard, flex, priority].map((rig) => rig.model.generate(textRequest('hi'))),
    );
    expect([standard, flex, priority].map((rig) => rig.emulator.requests[0]?.body.serviceTier)).toEqual([
      'standard',
      'flex',
      'priority',
    ]);
    // Not inside generationConfig: the service reads it at the top of the body.
    expect(flex.emulator.requests[0]?.body.generationConfig?.serviceTier).toBeUndefined();
    expect(results.map((result) => result.serviceTier)).toEqual(['standard', 'flex', 'priority']);
  });

  it('should be billed half the standard price for the same flex call', async () => {
    const standard = await startTestRig({});
    const flex = await startTestRig({}, { serviceTier: 'flex' });
    const [standardResult, flexResult] = await Promise.all([
      standard.model.generate(textRequest('Recommend a calm song for the evening')),
      flex.model.generate(textRequest('Recommend a calm song for the evening')),
    ]);
    // The same tokens either way: the tier changes the price, not the usage.
    expect(flexResult.usage).toEqual(standardResult.usage);
    const [standardBill] = standard.emulator.bills;
    const [flexBill] = flex.emulator.bills;
    const rates = priceOf('gemini-3.5-flash-lite', GEMINI_PRICE_TABLE, new Date());
    if (standardBill?.usd == null || flexBill?.usd == null || rates === undefined) {
      throw new Error('both calls must be billed at a list price');
    }
    // Standard: input at $0.30 and output (thinking included) at $2.50 per 1M tokens.
    const usage = standardResult.usage;
    const listPrice = (usage.text_input * 0.3 + (usage.output + usage.thinking) * 2.5) / 1_000_000;
    expect(standardBill.usd).toBeCloseTo(listPrice, 12);
    expect(standardBill.usd).toBeCloseTo(costOfCall(usage, rates), 12);
    // Flex: the table's 50% discount.
    expect(flexBill).toMatchObject({ serviceTier: 'flex' });
    expect(flexBill.usd).toBeCloseTo(listPrice * 0.5, 12);
  });

  it('should retry shed flex calls with backoff, under the longer flex limits', async () => {
    const { emulator, model, sleeps } = await startTestRig(shedEveryFlex, {
      serviceTier: 'flex',
      flexMaxAttempts: 3,
    });
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(error.message).toMatch(/after 3 attempts/);
    expect(emulator.requests.map((request) => serviceTierOf(request.body))).toEqual(['flex', 'flex', 'flex']);
    expect(emulator.counters.faults.shedFlex).toBe(3);
    // Backoff with random() = 0.5: 3/4 of 1 s, then of 2 s.
    expect(sleeps).toEqual([750, 1500]);
  });

  it('should resend a call at standard after --flex-fallback sheds, and say it was served at standard', async () => {
    const { emulator, model } = await startTestRig(shedEveryFlex, { serviceTier: 'flex', flexFallback: 1 });
    const result = await model.generate(textRequest('hi'));
    expect(emulator.requests.map((request) => serviceTierOf(request.body))).toEqual(['flex', 'standard']);
    expect(result.serviceTier).toBe('standard');
    expect(result.retries).toEqual([expect.objectContaining({ status: 503, attempt: 1 })]);
    expect(emulator.bills.map((bill) => bill.serviceTier)).toEqual(['standard']);
  });

  it('should never shed a standard call', async () => {
    const { emulator, model } = await startTestRig(shedEveryFlex);
    await model.generate(textRequest('hi'));
    expect(emulator.counters.faults.shedFlex).toBe(0);
  });
});
