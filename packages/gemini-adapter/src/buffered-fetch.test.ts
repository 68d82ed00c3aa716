import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBufferedFetch } from './buffered-fetch.js';

const servers: ReturnType<typeof createServer>[] = [];

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1beta/models/m:generateContent`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('createBufferedFetch', () => {
  it('should send method, headers and body, and answer like fetch', async () => {
    const url = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        response.setHeader('set-cookie', ['a=1', 'b=2']);
        response.writeHead(404, 'Gone Fishing', { 'content-type': 'text/plain' });
        response.end(`${request.method} ${request.headers['x-goog-api-key']} ${body}`);
      });
    });
    const reply = await createBufferedFetch()(url, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k1' },
      body: '{"contents":[]}',
    });
    expect([reply.status, reply.ok, reply.statusText]).toEqual([404, false, 'Gone Fishing']);
    expect(reply.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await reply.text()).toBe('POST k1 {"contents":[]}');
  });

  it('should serve the body it read as text, JSON and in clones, also for a bodiless status', async () => {
    const url = await serve((request, response) => {
      if (request.url?.endsWith('empty')) return response.writeHead(204).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"candidates":[1]}');
    });
    const reply = await createBufferedFetch()(url);
    const copy = reply.clone();
    expect(await reply.json()).toEqual({ candidates: [1] });
    expect(await copy.text()).toBe('{"candidates":[1]}');
    expect([copy.status, copy.headers.get('content-type')]).toEqual([200, 'application/json']);
    const empty = await createBufferedFetch()(`${url}?empty`);
    expect([empty.status, await empty.text()]).toEqual([204, '']);
  });

  it('should fail like fetch when the connection drops in the middle of the body', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"candidates":');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const error = await createBufferedFetch()(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect((error as TypeError).cause).toBeInstanceOf(Error);
  });

  it('should reject with the signal reason when aborted', async () => {
    const url = await serve(() => undefined);
    const controller = new AbortController();
    const reason = new Error('attempt timed out');
    setTimeout(() => controller.abort(reason), 20);
    await expect(createBufferedFetch()(url, { signal: controller.signal })).rejects.toBe(reason);
  });
});
