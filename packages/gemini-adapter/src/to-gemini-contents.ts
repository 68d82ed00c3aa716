import type { Content, FileData, Part } from '@google/genai';
import type { ModelMessage } from '@tp2dg/entities';

/** The uploaded file for a media part: at once when known, else once it is uploaded. */
export type FileReferencer = (path: string, mimeType: string) => FileData | Promise<FileData>;

/**
 * Maps the caller's whole history to Gemini contents, uploading file parts (in parallel)
 * and referencing them by URI. Model turns keep `role: 'model'`, as the API requires.
 * Parts whose files are known are filled in at once, without a promise each.
 */
export async function toGeminiContents(
  messages: readonly ModelMessage[],
  referenceFile: FileReferencer,
): Promise<Content[]> {
  const uploads: Promise<void>[] = [];
  const contents = messages.map(
    (message): Content => ({
      role: message.role,
      parts: message.parts.map((part): Part => {
        if (part.kind === 'text') return { text: part.text };
        const fileData = referenceFile(part.path, part.mimeType);
        if (!(fileData instanceof Promise)) return { fileData };
        const converted: Part = {};
        uploads.push(
          fileData.then((uploaded) => {
            converted.fileData = uploaded;
          }),
        );
        return converted;
      }),
    }),
  );
  await Promise.all(uploads);
  return contents;
}
