import type { GoogleGenAI } from '@google/genai';
import pLimit from 'p-limit';
import { GeminiApiError } from './gemini-api-error.js';
import { type RetrySettings, runWithRetries } from './run-with-retries.js';
import type { UploadedFile } from './upload-file.js';

/**
 * Deletes files from the service, a few at a time, each with the usual retries. Returns the
 * files that are gone: deleted now, or already forgotten by the service (403/404).
 */
export async function deleteFiles(
  client: GoogleGenAI,
  files: readonly UploadedFile[],
  settings: RetrySettings,
): Promise<UploadedFile[]> {
  const limit = pLimit(4);
  const outcomes = await Promise.all(
    files.map((file) =>
      limit(async () => {
        try {
          await runWithRetries(
            (signal) => client.files.delete({ name: file.name, config: { abortSignal: signal } }),
            { operation: 'delete', description: `Gemini file deletion of ${file.name}` },
            settings,
          );
          return true;
        } catch (error) {
          return GeminiApiError.isInstance(error) && (error.status === 403 || error.status === 404);
        }
      }),
    ),
  );
  return files.filter((_, index) => outcomes[index]);
}
