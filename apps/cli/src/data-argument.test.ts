import { join } from 'node:path';
import { dummyCorpusDir } from '@tp2dg/data-dummy';
import { jsonlDataLoader } from '@tp2dg/data-loader-jsonl';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import { describe, expect, it } from 'vitest';
import { dataDirectoryOf } from './data-argument.js';

describe('dataDirectoryOf', () => {
  it('should resolve --data from the working directory, whatever the loader', () => {
    expect(dataDirectoryOf('corpus', referenceDataLoader, '/work/here')).toBe(join('/work/here', 'corpus'));
    expect(dataDirectoryOf('/abs/corpus', jsonlDataLoader, '/work/here')).toBe('/abs/corpus');
  });

  it('should default to the bundled corpus for the reference loader only', () => {
    expect(dataDirectoryOf(undefined, referenceDataLoader, '/work/here')).toBe(dummyCorpusDir);
    expect(dataDirectoryOf(undefined, jsonlDataLoader, '/work/here')).toBeUndefined();
  });
});
