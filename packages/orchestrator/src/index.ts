export { conversationFiles } from './conversation-files.js';
export {
  type Conversation,
  type GenerateConversationOptions,
  generateConversation,
} from './generate-conversation.js';
export { manifestFile, type RunManifest, RunManifestSchema } from './manifest/run-manifest.js';
export { corpusFolder, sessionFolder } from './output-paths.js';
export { MAX_SEGMENT_BYTES, pathSegment } from './path-segment.js';
export { type Projection, type ProjectionOptions, projectGeneration } from './project-generation.js';
export { runGeneration } from './run-generation.js';
export type {
  ModelFactory,
  RunEvent,
  RunGenerationOptions,
  RunManifestInput,
  RunReport,
} from './run-types.js';
export { type Shard, shardOf } from './shard.js';
export type { SizeRange } from './size-range.js';
export { DEFAULT_INPUT_LIMITS, type InputLimits, MEGABYTE } from './vetting/input-limits.js';
export { writeSessionFolder } from './write-session-folder.js';
