import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchJob, GoogleGenAI } from '@google/genai';
import { runWithRetries } from '../run-with-retries.js';
import { type UploadSettings, uploadFile } from '../upload-file.js';
import type { BatchRequest } from './batch-request.js';

/** The Batch API calls a round makes, each with the adapter's retries. */
export interface BatchService {
  /** Submits a job of these requests, inline or as an uploaded JSON-lines file. */
  create(requests: readonly BatchRequest[], input: 'inline' | 'file'): Promise<BatchJob>;
  get(name: string): Promise<BatchJob>;
  /** The text of a job's results file (`dest.fileName`). */
  readResultsFile(name: string): Promise<string>;
}

/** The SDK's name for a media type it cannot infer from `.jsonl`. */
const JSON_LINES = 'application/jsonl';

export function createBatchService(
  client: GoogleGenAI,
  /** Uploads and downloads go through the SDK's own fetch, which streams the file. */
  filesClient: GoogleGenAI,
  model: string,
  settings: UploadSettings,
): BatchService {
  async function inputFile(requests: readonly BatchRequest[]): Promise<string> {
    const bytes = new Blob(requests.map((request) => request.line));
    const name = `tp2dg batch input (${requests.length} calls)`;
    return (await uploadFile(filesClient, { bytes, name }, JSON_LINES, settings, name)).name;
  }

  return {
    async create(requests, input) {
      const src = input === 'inline' ? requests.map((request) => request.inline) : await inputFile(requests);
      const displayName = `tp2dg ${model} (${requests.length} calls)`;
      return runWithRetries(
        (signal) => client.batches.create({ model, src, config: { displayName, abortSignal: signal } }),
        {
          operation: 'generate',
          description: `Gemini batch job creation (${model}, ${requests.length} calls)`,
        },
        settings,
      );
    },
    get(name) {
      return runWithRetries(
        (signal) => client.batches.get({ name, config: { abortSignal: signal } }),
        { operation: 'generate', description: `Gemini batch job poll of ${name}` },
        settings,
      );
    },
    async readResultsFile(name) {
      // The SDK downloads to a path only, so the file goes through a folder of its own.
      const folder = await mkdtemp(join(tmpdir(), 'tp2dg-batch-'));
      try {
        const downloadPath = join(folder, 'results.jsonl');
        await runWithRetries(
          (signal) =>
            filesClient.files.download({ file: name, downloadPath, config: { abortSignal: signal } }),
          { operation: 'generate', description: `Gemini batch results download of ${name}` },
          settings,
        );
        return await readFile(downloadPath, 'utf8');
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
