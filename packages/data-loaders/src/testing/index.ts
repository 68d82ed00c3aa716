export { type ConformanceSetup, describeDataLoaderConformance } from './describe-data-loader-conformance.js';
export { encodeMp3Frames } from './mp3-frames.js';
export { encodePng, type RgbImage } from './png-encoder.js';
export type { SyntheticCorpusOptions, SyntheticRecords } from './synthetic-records.js';
export { encodeWav, type PcmAudio } from './wav-encoder.js';
export { writeSyntheticCorpus } from './write-synthetic-corpus.js';
