import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatCompletionRequest } from '../chat-request.js';

/** One POST /v1/chat/completions the emulator received, with its key checked. */
export interface RecordedChatRequest {
  index: number;
  body: ChatCompletionRequest;
  headers: IncomingHttpHeaders;
}

/** What the responder answers: the reply's text, and the usage to report (none omits it). */
export interface EmulatedChatReply {
  content: string;
  finishReason?: string;
  usage?: Record<string, unknown>;
}

/** A fault sent instead of the responder's answer. */
export type EmulatedFault =
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'server-error' }
  | { kind: 'malformed' };

export interface OpenAiEmulatorOptions {
  /** The bearer key a request must carry; undefined takes any request, with a key or none. */
  apiKey?: string;
  respond: (request: RecordedChatRequest) => EmulatedChatReply;
  /** A fault for this request (by its index among all received), or undefined to answer. */
  fault?: (request: RecordedChatRequest) => EmulatedFault | undefined;
}

export interface OpenAiEmulator {
  /** Ends in `/v1`: what `OPENAI_BASE_URL` or `--base-url` take. */
  baseUrl: string;
  /** Every request received, faulted ones included, in order. */
  readonly requests: readonly RecordedChatRequest[];
  close(): Promise<void>;
}

function send(response: import('node:http').ServerResponse, status: number, body: string, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

function completion(reply: EmulatedChatReply, model: string): string {
  return JSON.stringify({
    id: 'chatcmpl-emulated',
    object: 'chat.completion',
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.content },
        finish_reason: reply.finishReason ?? 'stop',
      },
    ],
    ...(reply.usage === undefined ? {} : { usage: reply.usage }),
  });
}

/**
 * A local OpenAI-compatible server for tests, on 127.0.0.1 with a free port: one endpoint,
 * the key checked as a server does (401 otherwise), every request recorded, answers from the
 * responder, and faults on demand: a 429 with Retry-After, a 500, and a 200 whose body is cut.
 */
export async function startOpenAiEmulator(options: OpenAiEmulatorOptions): Promise<OpenAiEmulator> {
  const requests: RecordedChatRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      if (incoming.method !== 'POST' || incoming.url !== '/v1/chat/completions') {
        send(
          response,
          404,
          JSON.stringify({ error: { message: `no route ${incoming.method} ${incoming.url}` } }),
        );
        return;
      }
      if (options.apiKey !== undefined && incoming.headers.authorization !== `Bearer ${options.apiKey}`) {
        send(response, 401, JSON.stringify({ error: { message: 'Incorrect API key provided.' } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatCompletionRequest;
      const request = { index: requests.length, body, headers: incoming.headers };
      requests.push(request);
      const fault = options.fault?.(request);
      if (fault?.kind === 'rate-limit') {
        send(response, 429, JSON.stringify({ error: { message: 'Rate limit reached.' } }), {
          'retry-after': String(fault.retryAfterSeconds),
        });
      } else if (fault?.kind === 'server-error') {
        send(response, 500, JSON.stringify({ error: { message: 'The server had an error.' } }));
      } else if (fault?.kind === 'malformed') {
        send(response, 200, '{"choices": [{"message": ');
      } else {
        try {
          send(response, 200, completion(options.respond(request), body.model));
        } catch (error) {
          // A responder that cannot answer is a 400, which is not retried: the test fails fast and says why.
          send(response, 400, JSON.stringify({ error: { message: (error as Error).message } }));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    // Closing twice is harmless, so a test may stop it early and still leave cleanup to afterEach.
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
