export { type EmulatedApiErrorOptions, emulatedApiError } from './emulated-api-error.js';
export type {
  EmulatedGenerateBody,
  EmulatedGenerateRequest,
  EmulatedHang,
  EmulatedHttpReply,
  EmulatedReply,
  EmulatedSuccess,
  GeminiEmulator,
  GeminiEmulatorOptions,
  RecordedUpload,
  UploadStartInfo,
} from './emulator-types.js';
export { startGeminiEmulator } from './start-gemini-emulator.js';
