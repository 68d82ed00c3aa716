import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatedFileStore } from './emulated-file-store.js';
import type { EmulatedGenerateBody, GeminiEmulator, GeminiEmulatorOptions } from './emulator-types.js';
import { handleUpload } from './handle-upload.js';
import { sendEmulatedReply, sendJson } from './send-emulated-reply.js';

const generatePath = /^\/v1beta\/models\/([^/:]+):generateContent$/;
const filePath = /^\/v1beta\/(files\/[a-z0-9]+)$/;

function googleError(status: number, statusName: string, message: string): unknown {
  return { error: { code: status, message, status: statusName } };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts a local stand-in for the Gemini Developer API on 127.0.0.1 that speaks the wire
 * protocol of @google/genai 2.32: generateContent, the resumable Files API upload and
 * `files.get`. Tests point the real SDK at `baseUrl` so nothing reaches the internet.
 */
export async function startGeminiEmulator(options: GeminiEmulatorOptions): Promise<GeminiEmulator> {
  let baseUrl = '';
  const store = new EmulatedFileStore(
    () => baseUrl,
    options.fileProcessingPolls ?? 0,
    options.fileFinalState ?? 'ACTIVE',
  );
  const requests: GeminiEmulator['requests'] = [];

  async function handleGenerate(model: string, request: IncomingMessage, response: ServerResponse) {
    const body = JSON.parse((await readBody(request)).toString('utf8')) as EmulatedGenerateBody;
    const recorded = { index: requests.length, model, body, headers: request.headers };
    requests.push(recorded);
    for (const content of body.contents ?? []) {
      for (const part of content.parts ?? []) {
        // As the service does: a part without data (an empty text) is an invalid argument.
        if (part.fileData === undefined && part.inlineData === undefined && !part.text) {
          const message =
            "* GenerateContentRequest.contents.parts.data: required oneof field 'data' must have one initialized field";
          sendJson(response, 400, googleError(400, 'INVALID_ARGUMENT', message));
          return;
        }
        const fileData = part.fileData as { fileUri?: string } | undefined;
        const problem = fileData?.fileUri === undefined ? undefined : store.problemWithUri(fileData.fileUri);
        if (problem !== undefined) {
          const statusName = problem.status === 403 ? 'PERMISSION_DENIED' : 'FAILED_PRECONDITION';
          sendJson(response, problem.status, googleError(problem.status, statusName, problem.message));
          return;
        }
      }
    }
    sendEmulatedReply(response, await options.respond(recorded), model);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const apiKey = request.headers['x-goog-api-key'];
    if (typeof apiKey !== 'string' || apiKey === '') {
      const message = "Method doesn't allow unregistered callers. Please use an API key.";
      sendJson(response, 403, googleError(403, 'PERMISSION_DENIED', message));
      return;
    }
    if (options.apiKey !== undefined && apiKey !== options.apiKey) {
      sendJson(
        response,
        400,
        googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.'),
      );
      return;
    }
    const generateMatch = generatePath.exec(url.pathname);
    if (request.method === 'POST' && generateMatch?.[1] !== undefined) {
      await handleGenerate(decodeURIComponent(generateMatch[1]), request, response);
      return;
    }
    if (request.method === 'POST' && url.pathname === '/upload/v1beta/files') {
      await handleUpload(request, response, url, { store, baseUrl, options, body: await readBody(request) });
      return;
    }
    const fileMatch = filePath.exec(url.pathname);
    if (request.method === 'GET' && fileMatch?.[1] !== undefined) {
      const file = store.get(fileMatch[1]);
      if (file === undefined)
        sendJson(response, 404, googleError(404, 'NOT_FOUND', `File ${fileMatch[1]} not found.`));
      else sendJson(response, 200, file);
      return;
    }
    sendJson(
      response,
      404,
      googleError(404, 'NOT_FOUND', `No emulated route for ${request.method} ${url.pathname}`),
    );
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, googleError(500, 'INTERNAL', String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Closing twice (a test and its afterEach) must not fail.
  let closing: Promise<void> | undefined;

  return {
    baseUrl,
    requests,
    uploads: store.uploads,
    get fileGetCount() {
      return store.fileGetCount;
    },
    expireFile: (name) => store.expire(name),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        // Hanging replies keep sockets open; close them or `close` would wait forever.
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      });
      return closing;
    },
  };
}
