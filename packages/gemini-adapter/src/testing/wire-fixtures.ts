import type { ModelRequest } from '@tp2dg/entities';
import type { EmulatedGenerateBody } from './emulator-types.js';

/**
 * Test support (not exported): a request of `@tp2dg/model-testing`'s prompt fixtures as a
 * generateContent body, so the emulator's tests read the text the built-in templates render.
 * File parts go by their path as URI: the fixtures' tests upload nothing.
 */
export function generateBodyOf(request: ModelRequest): EmulatedGenerateBody {
  const system = request.systemInstruction;
  const schema = request.responseJsonSchema;
  return {
    ...(system === undefined ? {} : { systemInstruction: { parts: [{ text: system }] } }),
    contents: request.messages.map((message) => ({
      role: message.role,
      parts: message.parts.map((part) =>
        part.kind === 'text'
          ? { text: part.text }
          : { fileData: { fileUri: part.path, mimeType: part.mimeType } },
      ),
    })),
    ...(schema === undefined
      ? {}
      : { generationConfig: { responseMimeType: 'application/json', responseJsonSchema: schema } }),
  };
}
