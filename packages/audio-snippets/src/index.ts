export { AudioSnippetError } from './audio-snippet-error.js';
export { type AudioDecoder, decodeAudio } from './decode-audio.js';
export {
  type AudioSnippet,
  createSnippetMaker,
  type SnippetMaker,
  type SnippetMakerOptions,
} from './snippet-maker.js';
export {
  DEFAULT_SNIPPET_SETTINGS,
  parseSnippetOffset,
  SNIPPET_SAMPLE_RATE,
  type SnippetOffset,
  type SnippetSettings,
} from './snippet-settings.js';
export { snippetSeconds } from './snippet-span.js';
