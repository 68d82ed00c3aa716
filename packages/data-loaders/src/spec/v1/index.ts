export type {
  CorpusLicence,
  DataLoaderFactoryV1,
  DataLoaderOptionsV1,
  DataLoaderPluginV1,
  DataLoaderV1,
  SessionSplitOptions,
  SkippedSession,
} from './data-loader.js';
