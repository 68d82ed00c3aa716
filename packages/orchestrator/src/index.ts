export { conversationFiles } from './conversation-files.js';
export {
  type Conversation,
  type GenerateConversationOptions,
  generateConversation,
} from './generate-conversation.js';
export { corpusFolder, pathSegment, sessionFolder } from './output-paths.js';
export {
  type ModelFactory,
  type RunEvent,
  type RunGenerationOptions,
  type RunReport,
  runGeneration,
} from './run-generation.js';
export { writeSessionFolder } from './write-session-folder.js';
