import type { Content, Part } from '@google/genai';
import type { ModelMessage, ModelPart } from '@tp2dg/entities';

export type FileReferencer = (
  path: string,
  mimeType: string,
) => Promise<{ fileUri: string; mimeType: string }>;

function toPart(part: ModelPart, referenceFile: FileReferencer): Promise<Part> {
  if (part.kind === 'text') return Promise.resolve({ text: part.text });
  return referenceFile(part.path, part.mimeType).then((fileData) => ({ fileData }));
}

/**
 * Maps the caller's whole history to Gemini contents, uploading file parts (in parallel)
 * and referencing them by URI. Model turns keep `role: 'model'`, as the API requires.
 */
export function toGeminiContents(
  messages: readonly ModelMessage[],
  referenceFile: FileReferencer,
): Promise<Content[]> {
  return Promise.all(
    messages.map(async (message) => ({
      role: message.role,
      parts: await Promise.all(message.parts.map((part) => toPart(part, referenceFile))),
    })),
  );
}
