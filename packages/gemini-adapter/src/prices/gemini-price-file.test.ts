import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageTokensOf, loadPriceTable, pricedModel, priceOf, Tp2dgError } from '@tp2dg/entities';
import { afterEach, describe, expect, it } from 'vitest';
import table from '../../data/gemini-prices.json' with { type: 'json' };
import { GEMINI_PRICES } from './gemini-prices.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function priceFile(content: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tp2dg-prices-'));
  folders.push(folder);
  const file = join(folder, 'prices.json');
  await writeFile(file, content);
  return file;
}

const cheaper = {
  input: 0.15,
  audio_input: 0.5,
  output: 1.25,
  cached_input: 0.015,
  cached_audio_input: 0.05,
};

describe('loadPriceTable', () => {
  it('should read format 2 and let its models replace whole entries of the default table', async () => {
    const flash = table.models['gemini-3.5-flash'];
    const halved = { ...flash, rates: [{ ...flash.rates[0], output: 4.5 }] };
    const file = await priceFile(
      JSON.stringify({ ...table, version: 'halved-output', models: { 'Gemini-3.5-Flash': halved } }),
    );
    const loaded = await loadPriceTable(file, GEMINI_PRICES);
    expect(loaded.version).toBe('halved-output');
    expect(priceOf('gemini-3.5-flash', loaded)?.output).toBe(4.5);
    expect(priceOf('gemini-3.8-flash', loaded, new Date('2027-02-01'))?.output).toBe(7.5);
  });

  it('should convert a format-1 file: text and image at its input price, audio apart, as of its date', async () => {
    const file = await priceFile(
      JSON.stringify({
        version: 'batch-2026-12',
        models: { 'models/Gemini-3.8-Flash': cheaper, 'gemini-4-flash': cheaper },
      }),
    );
    await utimes(file, new Date('2026-12-02T10:00:00Z'), new Date('2026-12-02T10:00:00Z'));
    const loaded = await loadPriceTable(file, GEMINI_PRICES);
    expect(loaded.version).toBe('batch-2026-12');
    // Format 1 had no dates: its price holds on either side of 3.8-flash's change.
    for (const day of ['2026-12-15', '2027-02-01']) {
      expect(priceOf('gemini-3.8-flash', loaded, new Date(day))).toEqual({
        from: null,
        input: { text: 0.15, image: 0.15, audio: 0.5 },
        output: 1.25,
        cached_input: { text: 0.015, image: 0.015, audio: 0.05 },
        cache_storage_per_hour: 1,
        long_context: null,
      });
    }
    const known = pricedModel('gemini-3.8-flash', loaded);
    expect(known).toMatchObject({ as_of: '2026-12-02', source: `price file ${file} (format 1)` });
    // What format 1 says nothing of is kept from the default table.
    expect(known && imageTokensOf(known, 'low')).toBe(280);
    // A model only the file knows: priced, with the facts assumed of an unlisted model.
    expect(pricedModel('gemini-4-flash', loaded)).toMatchObject({
      status: 'available',
      notes: ['Prices from a format-1 price file; token facts assumed: not in the base table.'],
    });
    expect(priceOf('gemini-2.5-pro', loaded)?.output).toBe(10);
  });

  it('should name the file and the field of a bad price, in either format', async () => {
    const v1 = await priceFile(
      JSON.stringify({ version: 'v', models: { 'gemini-2.5-flash': { input: -1 } } }),
    );
    const error = await loadPriceTable(v1, GEMINI_PRICES).catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
    expect((error as Error).message).toContain(`${v1}: models.gemini-2.5-flash.input`);
    const v2 = await priceFile(JSON.stringify({ ...table, currency: 'EUR' }));
    expect(
      ((await loadPriceTable(v2, GEMINI_PRICES).catch((caught: unknown) => caught)) as Error).message,
    ).toMatch(
      /prices\.json: currency: .*Expected the format of @tp2dg\/gemini-adapter\/gemini-prices\.json\.$/,
    );
  });

  it('should reject a file that is not JSON', async () => {
    const error = await loadPriceTable(await priceFile('{ nope'), GEMINI_PRICES).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toMatch(/prices\.json: not valid JSON/);
  });
});
