import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tp2dgError } from './errors.js';
import { loadPriceTable } from './price-table-file.js';
import { priceOf } from './pricing.js';

async function priceFile(content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'tp2dg-prices-')), 'prices.json');
  await writeFile(file, content);
  return file;
}

describe('loadPriceTable', () => {
  it('should override and add models, keeping the default prices of the others', async () => {
    const cheaper = {
      input: 0.15,
      audio_input: 0.5,
      output: 1.25,
      cached_input: 0.015,
      cached_audio_input: 0.05,
    };
    const file = await priceFile(
      JSON.stringify({
        version: 'batch-2026-12',
        models: { 'models/Gemini-2.5-Flash': cheaper, 'gemini-3-flash': cheaper },
      }),
    );
    const table = await loadPriceTable(file);
    expect(table.version).toBe('batch-2026-12');
    expect(priceOf('gemini-2.5-flash', table)?.output).toBe(1.25);
    expect(priceOf('models/gemini-3-flash', table)?.input).toBe(0.15);
    expect(priceOf('gemini-2.5-pro', table)?.output).toBe(10);
  });

  it('should name the file and the field of a bad price', async () => {
    const file = await priceFile(
      JSON.stringify({ version: 'v', models: { 'gemini-2.5-flash': { input: -1 } } }),
    );
    const error = await loadPriceTable(file).catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
    expect((error as Error).message).toContain(`${file}: models.gemini-2.5-flash.input`);
  });

  it('should reject a file that is not JSON', async () => {
    const error = await loadPriceTable(await priceFile('{ nope')).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/prices\.json: not valid JSON/);
  });
});
