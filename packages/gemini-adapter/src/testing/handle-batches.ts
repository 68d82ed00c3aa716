import type { IncomingMessage, ServerResponse } from 'node:http';
import { tryParseJson } from '@tp2dg/entities';
import type { EmulatedBatches } from './emulated-batches.js';
import type { EmulatedFileStore } from './emulated-file-store.js';
import type { EmulatedBatchRequest, EmulatedGenerateBody } from './emulator-types.js';
import { sendGoogleError, sendJson } from './send-emulated-reply.js';

const batchPath = /^\/v1beta\/(batches\/[^/:]+)$/;
// Results files are named `files/batch-...`: ids with hyphens, unlike uploads.
const downloadPath = /^\/v1beta\/(files\/[a-z0-9-]+):download$/;

/** The body of `batchGenerateContent` as @google/genai 2.32 sends it. */
interface CreateBatchBody {
  batch?: {
    displayName?: string;
    inputConfig?: {
      fileName?: string;
      requests?: { requests?: Array<{ request?: EmulatedGenerateBody; metadata?: Record<string, string> }> };
    };
  };
}

/** A request as generateContent would get it: the model is in the path, not in the body. */
function generateBodyOf(request: EmulatedGenerateBody & { model?: unknown }): EmulatedGenerateBody {
  const { model: _model, ...body } = request;
  return body;
}

/** The requests of an input file, one `{key, request}` per line, or why it is unusable. */
function fileRequests(bytes: Buffer): EmulatedBatchRequest[] | string {
  const requests: EmulatedBatchRequest[] = [];
  const lines = bytes.toString('utf8').split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = tryParseJson(line) as { key?: unknown; request?: EmulatedGenerateBody } | undefined;
    if (parsed?.request === undefined || !Array.isArray(parsed.request.contents)) {
      return `line ${index + 1} of the input file is not a {"key", "request"} object`;
    }
    const key = typeof parsed.key === 'string' ? parsed.key : undefined;
    requests.push({ key, metadata: undefined, body: generateBodyOf(parsed.request) });
  }
  return requests;
}

/** `POST models/{m}:batchGenerateContent`: inline requests or an uploaded JSON-lines file. */
export async function createBatch(
  model: string,
  body: Buffer,
  response: ServerResponse,
  context: { batches: EmulatedBatches; store: EmulatedFileStore },
): Promise<void> {
  const input = (tryParseJson(body.toString('utf8')) as CreateBatchBody | undefined)?.batch?.inputConfig;
  const fileName = input?.fileName;
  let requests: EmulatedBatchRequest[] | string;
  if (fileName !== undefined) {
    const bytes = context.store.bytesOf(fileName);
    if (bytes === undefined) {
      sendGoogleError(response, 404, `File ${fileName} not found.`);
      return;
    }
    requests = fileRequests(bytes);
  } else {
    requests = (input?.requests?.requests ?? []).map((inline) => ({
      key: inline.metadata?.key,
      metadata: inline.metadata,
      body: generateBodyOf(inline.request ?? { contents: [] }),
    }));
  }
  if (typeof requests === 'string' || requests.length === 0) {
    const problem =
      typeof requests === 'string' ? requests : 'a batch needs inline requests or an input file';
    sendGoogleError(response, 400, problem);
    return;
  }
  const job = context.batches.create(model, fileName === undefined ? 'inline' : 'file', requests);
  sendJson(response, 200, await context.batches.describeCreated(job));
}

/**
 * `GET batches/{id}` and `GET files/{id}:download` of a results file; false when the request is
 * neither. Unknown jobs and files answer 404.
 */
export async function handleBatchReads(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  batches: EmulatedBatches,
): Promise<boolean> {
  if (request.method !== 'GET') return false;
  const job = batchPath.exec(url.pathname)?.[1];
  if (job !== undefined) {
    const described = await batches.get(job);
    if (described === undefined) sendGoogleError(response, 404, `Batch ${job} not found.`);
    else sendJson(response, 200, described);
    return true;
  }
  const file = downloadPath.exec(url.pathname)?.[1];
  if (file === undefined) return false;
  const bytes = batches.download(file);
  if (bytes === undefined) {
    sendGoogleError(response, 404, `File ${file} not found.`);
  } else {
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    response.end(bytes);
  }
  return true;
}
