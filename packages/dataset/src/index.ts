export { CARD_MARK, dataFilePath, datasetCard } from './dataset-card.js';
export type { DatasetLicence } from './dataset-licence.js';
export {
  CONFIG_FEATURES,
  CONFIG_NAMES,
  CONVERSATION_EXTRA_FEATURES,
  CONVERSATION_FEATURES,
  type ConfigName,
  ConversationExtraRowSchema,
  ConversationRowSchema,
  SPLITS,
  type Split,
  TRACK_FEATURES,
  TrackRowSchema,
  USER_FEATURES,
  USER_SPLITS,
  UserRowSchema,
  type UserSplit,
} from './dataset-schema.js';
export type { DatasetStatistics } from './dataset-statistics.js';
export { type ExportOptions, type ExportResult, exportDataset } from './export-dataset.js';
export { type Feature, type Features, huggingFaceFeatures, parquetSchema } from './features.js';
export type { MinScores } from './min-scores.js';
export type { LeftOut } from './select-sessions.js';
export type { SplitOptions } from './split-sessions.js';
export type { DatasetFormat } from './table-file.js';
