import { describe, expect, it } from 'vitest';
import { corpusDirectoryOfManifest, isRunManifestFileName } from './run-manifest-files.js';

describe('isRunManifestFileName', () => {
  it("should accept a run's manifest and each shard's, nothing else", () => {
    expect(isRunManifestFileName('run-manifest.json')).toBe(true);
    expect(isRunManifestFileName('run-manifest-shard-2-of-4.json')).toBe(true);
    expect(isRunManifestFileName('run-manifest.json.tmp')).toBe(false);
    expect(isRunManifestFileName('old-run-manifest.json')).toBe(false);
    expect(isRunManifestFileName('run-manifest-shard-x-of-4.json')).toBe(false);
  });
});

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
