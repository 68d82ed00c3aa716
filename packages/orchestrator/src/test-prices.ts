import { type MediaTypes, type PriceTable, PriceTableSchema } from '@tp2dg/entities';
// The tests price calls with a real provider's table, read from its package's data file: the
// orchestrator itself is given its table by the caller.
import table from '../../gemini-adapter/data/gemini-prices.json' with { type: 'json' };

export const TEST_PRICES: PriceTable = PriceTableSchema.parse(table);

/** A provider's media table, as the tests' runs declare it: the types its names are sent as. */
export const TEST_MEDIA_TYPES: MediaTypes = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mp3',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/aac',
  '.aac': 'audio/aac',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};
