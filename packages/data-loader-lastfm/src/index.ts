export { createLastfmDataLoader, type LastfmDataLoader } from './create-lastfm-loader.js';
export {
  type ListeningSession,
  type ReadListeningSessionsOptions,
  readListeningSessions,
} from './events/read-listening-sessions.js';
export { default, lastfmDataLoader } from './lastfm-plugin.js';
export { type LayoutName, layoutNames } from './layout/corpus-layouts.js';
export { corpusLicences, lastfmLicencesFor, lastfmPluginLicence } from './licences.js';
export { type LastfmOptions, lastfmOptionsSchema } from './options/lastfm-options.js';
export { RowReport, type SkippedRows } from './reading/row-report.js';
