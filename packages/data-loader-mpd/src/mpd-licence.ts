import type { CorpusLicence } from '@tp2dg/data-loaders';

/** The Spotify Million Playlist Dataset's terms, as its licence and challenge rules state them. */
export const mpdLicence: CorpusLicence = {
  name: 'Spotify Million Playlist Dataset licence (non-commercial research)',
  url: 'https://www.aicrowd.com/challenges/spotify-million-playlist-dataset-challenge',
  commercialUse: false,
  redistribution: false,
  summary:
    'The MPD is licensed by Spotify for non-commercial research only and may not be redistributed, in whole or in part; data generated from it inherits those limits. Cite Chen et al. (RecSys Challenge 2018).',
};
