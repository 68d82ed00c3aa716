import { describe, expect, it } from 'vitest';
import { datasetLicence } from './dataset-licence.js';
import type { CorpusTerms, RunFacts } from './run-manifests.js';

const facts = (licences: (CorpusTerms | null)[], demoCorpusOnly = false): RunFacts => ({
  sources: [],
  corpora: [],
  seeds: [],
  serviceTiers: [],
  modes: [],
  tp2dgVersions: [],
  licences,
  demoCorpusOnly,
  corpusDirectories: new Map(),
});

const CC_BY: CorpusTerms = {
  name: 'CC BY 4.0',
  url: null,
  commercialUse: true,
  redistribution: true,
  summary: 'Credit.',
};
const MPD: CorpusTerms = {
  name: 'Spotify Million Playlist Dataset licence (non-commercial research)',
  url: 'https://example.org/mpd',
  commercialUse: false,
  redistribution: false,
  summary: 'Research only.',
};

describe('datasetLicence', () => {
  it('should say MIT, and that it is the synthetic demo corpus, when only the demo corpus was read', () => {
    const licence = datasetLicence(facts([], true));
    expect(licence.id).toBe('mit');
    expect(licence.explanation).toMatch(/demo corpus.*synthetic/);
  });

  it('should take the strictest of the corpora, as `other` with its name when the Hub has no id for it', () => {
    const licence = datasetLicence(facts([CC_BY, MPD]));
    expect(licence).toMatchObject({ id: 'other', link: MPD.url });
    expect(licence.name).toBe('spotify-million-playlist-dataset-licence-non-commercial-research');
    expect(licence.explanation).toContain('no commercial use');
  });

  it('should use the Hub id of a known licence', () => {
    expect(datasetLicence(facts([CC_BY])).id).toBe('cc-by-4.0');
  });

  it('should not call a dataset free when a run declared no terms', () => {
    expect(datasetLicence(facts([CC_BY, null]))).toMatchObject({ id: 'other', name: 'unknown-corpus-terms' });
  });
});
