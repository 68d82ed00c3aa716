export { allOrAbort } from './all-or-abort.js';
export { Budget } from './budget.js';
export { type CallPricer, createCallPricer } from './call-pricer.js';
export { conversationFiles } from './conversation-files.js';
export { type DrainOptions, type DrainOutcome, drainConcurrently } from './drain-concurrently.js';
export {
  type Conversation,
  type GenerateConversationOptions,
  generateConversation,
} from './generate-conversation.js';
export { type CallerTurn, CallJournal } from './journal/call-journal.js';
export { type JournaledModel, journaledModel } from './journal/journaled-model.js';
export { limitCallsInFlight } from './limit-calls-in-flight.js';
export { manifestFile, type RunManifest, RunManifestSchema } from './manifest/run-manifest.js';
export { type MeteredModel, meteredModel } from './metered-model.js';
export { corpusFolder, sessionFolder } from './output-paths.js';
export { MAX_SEGMENT_BYTES, pathSegment } from './path-segment.js';
export { type Projection, type ProjectionOptions, projectGeneration } from './project-generation.js';
export { acquireRunLock, type RunLock, type RunLockOptions } from './run-directory/run-lock.js';
export { runGeneration } from './run-generation.js';
export type {
  ModelFactory,
  RunEvent,
  RunGenerationOptions,
  RunManifestInput,
  RunReport,
} from './run-types.js';
export { SessionFailures } from './session-failures.js';
export { shardOf } from './shard.js';
export type { SizeRange } from './size-range.js';
export { DEFAULT_INPUT_LIMITS, type InputLimits, MEGABYTE } from './vetting/input-limits.js';
export { writeSessionFolder } from './write-session-folder.js';
