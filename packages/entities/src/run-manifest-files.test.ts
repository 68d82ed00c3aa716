import { describe, expect, it } from 'vitest';
import { corpusDirectoryOfManifest } from './run-manifest-files.js';

describe('corpusDirectoryOfManifest', () => {
  it('should read run_options.data, and nothing from a manifest that names no corpus', () => {
    expect(corpusDirectoryOfManifest({ run_options: { data: '/corpora/demo' } })).toBe('/corpora/demo');
    expect(corpusDirectoryOfManifest({ run_options: { data: null } })).toBeUndefined();
    expect(corpusDirectoryOfManifest({ run_options: { data: '' } })).toBeUndefined();
    expect(corpusDirectoryOfManifest({ settings: {} })).toBeUndefined();
    expect(corpusDirectoryOfManifest('run_options')).toBeUndefined();
    expect(corpusDirectoryOfManifest(null)).toBeUndefined();
  });
});
