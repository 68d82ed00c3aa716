export { GOAL_MARKER } from '@tp2dg/model-testing';
export {
  type CooperativeResponder,
  type CooperativeResponderOptions,
  createCooperativeResponder,
} from './cooperative-responder.js';
export { type EmulatedApiErrorOptions, emulatedApiError } from './emulated-api-error.js';
export { type EmulatedBill, serviceTierOf } from './emulated-bill.js';
export type { EmulatedLatency } from './emulated-latency.js';
export { drawsByRequest, type EmulatorFaultOptions, FAULT_KINDS, type FaultKind } from './emulator-faults.js';
export type {
  EmulatedBatchJob,
  EmulatedBatchOptions,
  EmulatedBatchOutcome,
  EmulatedBatchRequest,
  EmulatedBatchState,
  EmulatedCache,
  EmulatedCacheBill,
  EmulatedCacheUse,
  EmulatedGenerateBody,
  EmulatedGenerateRequest,
  EmulatedHang,
  EmulatedHttpReply,
  EmulatedReply,
  EmulatedSuccess,
  EmulatorCounters,
  GeminiEmulator,
  GeminiEmulatorOptions,
  RecordedUpload,
  UploadStartInfo,
} from './emulator-types.js';
export { startGeminiEmulator } from './start-gemini-emulator.js';
export {
  agentOf,
  filePartsOf,
  promptBodyOf,
  replyFormatOf,
  replyKeysOf,
  systemInstructionOf,
  type WireAgent,
  type WireFilePart,
  type WireReplyFormat,
} from './wire-request.js';
export { poolTrackIdsOf, recommendedTrackIdsOf } from './wire-track-pool.js';
