export type { ChatCompletionRequest, ChatMessage } from './chat-request.js';
export { finishReasonOf, usageOf } from './chat-response.js';
export { createOpenAiCompatibleModel, OPENAI_COMPATIBLE_PROVIDER } from './create-openai-compatible-model.js';
export type { MediaContentPart } from './media-part.js';
export {
  type OpenAiCompatibleProviderOptions,
  OpenAiCompatibleProviderOptionsSchema,
  openAiCompatibleProvider as default,
  openAiCompatibleProvider as modelProvider,
} from './model-provider.js';
export type { OpenAiCompatibleOptions } from './options.js';
