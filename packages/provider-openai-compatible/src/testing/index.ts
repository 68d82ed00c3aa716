export { createCooperativeResponder, promptTextOf } from './cooperative-responder.js';
export {
  type EmulatedChatReply,
  type EmulatedFault,
  type OpenAiEmulator,
  type OpenAiEmulatorOptions,
  type RecordedChatRequest,
  startOpenAiEmulator,
} from './start-openai-emulator.js';
