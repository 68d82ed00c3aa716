import type { CorpusLicence } from '@tp2dg/data-loaders';
import type { LayoutName } from './layout/corpus-layouts.js';

/** The terms of each corpus this loader reads, as their publishers state them. */
export const corpusLicences: Record<LayoutName | 'music4all', CorpusLicence> = {
  'lfm-1b': {
    name: 'LFM-1b terms (non-commercial research, Last.fm API terms of service)',
    url: 'http://www.cp.jku.at/datasets/LFM-1b/',
    commercialUse: false,
    redistribution: false,
    summary:
      'LFM-1b is a derivative of Last.fm API data for non-commercial research only, under the Last.fm API terms of service; cite Schedl (ICMR 2016).',
  },
  'lfm-2b': {
    name: 'LFM-2b terms (non-commercial research, Last.fm API terms of service)',
    url: 'http://www.cp.jku.at/datasets/LFM-2b/',
    commercialUse: false,
    redistribution: false,
    summary:
      'LFM-2b is a derivative of Last.fm API data for non-commercial research only, under the Last.fm API terms of service; cite Schedl et al. (CHIIR 2022).',
  },
  onion: {
    name: 'CC BY 4.0',
    url: 'https://zenodo.org/records/6609677',
    commercialUse: true,
    redistribution: true,
    summary:
      'Music4All-Onion listening events are CC BY 4.0: credit Moscati et al. (CIKM 2022). User demographics joined from LFM-2b stay under its non-commercial research terms.',
  },
  music4all: {
    name: 'Music4All terms (granted on request, research use)',
    url: 'https://sites.google.com/view/contact4music4all',
    commercialUse: false,
    redistribution: false,
    summary:
      'Music4All (metadata, lyrics, audio clips) is shared by its authors on request for research; cite Santana et al. (IWSSIP 2020) and do not redistribute it.',
  },
};

/**
 * The plugin's declared licence, before a corpus is chosen: the strictest terms among the
 * corpora it reads, since one plugin serves them all. `lastfmLicenceFor` names the exact ones.
 */
export const lastfmPluginLicence: CorpusLicence = {
  name: 'LFM-1b/LFM-2b non-commercial research terms; Music4All-Onion CC BY 4.0; Music4All on request',
  commercialUse: false,
  redistribution: false,
  summary:
    'LFM-1b and LFM-2b are for non-commercial research under the Last.fm API terms; Music4All-Onion events are CC BY 4.0 (credit Moscati et al. 2022); Music4All enrichment is granted on request for research.',
};

/**
 * The licences that apply to a run: the events' corpus, LFM-2b's when Onion events are
 * joined to its users file, and Music4All's when it enriches tracks.
 */
export function lastfmLicencesFor(
  layout: LayoutName,
  joined: { lfm2bUsers: boolean; music4all: boolean },
): CorpusLicence[] {
  const licences = [corpusLicences[layout]];
  if (layout === 'onion' && joined.lfm2bUsers) licences.push(corpusLicences['lfm-2b']);
  if (joined.music4all) licences.push(corpusLicences.music4all);
  return licences;
}
