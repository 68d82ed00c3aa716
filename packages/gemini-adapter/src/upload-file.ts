import { basename } from 'node:path';
import { FileState, type File as GeminiFile, type GoogleGenAI } from '@google/genai';
import { ModelCallError } from '@tp2dg/entities';
import { type RetrySettings, runWithRetries } from './run-with-retries.js';

/** A file the Files API holds and a prompt can reference. */
export interface UploadedFile {
  name: string;
  uri: string;
  mimeType: string;
  /** From `expirationTime`; null when the service did not say. */
  expiresAt: number | null;
}

export interface UploadSettings extends RetrySettings {
  pollIntervalMs: number;
  maxPolls: number;
}

function toUploadedFile(file: GeminiFile, path: string, fallbackMimeType: string): UploadedFile {
  if (file.name === undefined || file.uri === undefined) {
    throw new ModelCallError(`Gemini Files API returned no name or uri for ${path}. Retry the upload.`, {
      code: 'MODEL_API',
      status: null,
      retryable: true,
    });
  }
  const expiresAt = file.expirationTime === undefined ? Number.NaN : Date.parse(file.expirationTime);
  return {
    name: file.name,
    uri: file.uri,
    mimeType: file.mimeType ?? fallbackMimeType,
    expiresAt: Number.isNaN(expiresAt) ? null : expiresAt,
  };
}

/**
 * Uploads a local file (by path) or bytes in memory (a batch's input) and waits until the
 * service has processed it: a prompt that uses a PROCESSING file is rejected (400
 * FAILED_PRECONDITION), and the SDK has no wait helper. The whole upload is retried, since the
 * SDK gives up on a chunk that answers 5xx.
 */
export async function uploadFile(
  client: GoogleGenAI,
  source: string | { bytes: Blob; name: string },
  mimeType: string,
  settings: UploadSettings,
  displayName = basename(typeof source === 'string' ? source : source.name),
): Promise<UploadedFile> {
  const path = typeof source === 'string' ? source : source.name;
  const sent = typeof source === 'string' ? source : source.bytes;
  const where = `${path} (${mimeType})`;
  // mimeType is passed explicitly: the SDK infers it only for common extensions (not .flac, .m4a).
  let file = await runWithRetries(
    () => client.files.upload({ file: sent, config: { mimeType, displayName } }),
    { operation: 'file', description: `Gemini file upload of ${where}` },
    settings,
  );
  for (let poll = 1; file.state === FileState.PROCESSING; poll += 1) {
    if (poll > settings.maxPolls) {
      throw new ModelCallError(
        `Gemini kept ${where} in PROCESSING after ${settings.maxPolls} polls. Retry later or check the file.`,
        {
          code: 'MODEL_API',
          status: null,
          retryable: true,
        },
      );
    }
    await settings.sleep(settings.pollIntervalMs);
    const name = file.name ?? '';
    file = await runWithRetries(
      (signal) => client.files.get({ name, config: { abortSignal: signal } }),
      { operation: 'file', description: `Gemini file state poll of ${where}` },
      settings,
    );
  }
  if (file.state === FileState.FAILED) {
    const reason = file.error?.message === undefined ? '' : `: ${file.error.message}`;
    throw new ModelCallError(
      `Gemini could not process ${where}${reason}. Check that the file is a valid ${mimeType}.`,
      {
        code: 'MODEL_API',
        status: null,
        retryable: false,
      },
    );
  }
  return toUploadedFile(file, path, mimeType);
}
