import type { DataLoaderPluginV1 } from '@tp2dg/data-loaders';
import { createLastfmDataLoader } from './create-lastfm-loader.js';
import { lastfmPluginLicence } from './licences.js';
import { lastfmOptionsSchema } from './options/lastfm-options.js';

/** The `lastfm` plugin: `--source lastfm --source-option dir=DIR`. */
export const lastfmDataLoader: DataLoaderPluginV1 = {
  specificationVersion: 'v1',
  name: 'lastfm',
  description:
    'Last.fm listening logs (LFM-1b, LFM-2b, Music4All-Onion; plain, .gz or .bz2) as per-day or gap sessions, optionally enriched from Music4All.',
  create: createLastfmDataLoader,
  optionsSchema: lastfmOptionsSchema,
  licence: lastfmPluginLicence,
};

export default lastfmDataLoader;
