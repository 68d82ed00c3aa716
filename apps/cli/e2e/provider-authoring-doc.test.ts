import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createModelProvider, type ModelProviderPluginV1 } from '@tp2dg/model-providers';
import { describeModelProviderConformance } from '@tp2dg/model-providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, temporaryDirectory } from './support/run-command.js';

const EXAMPLE = join(REPO_ROOT, 'docs/examples/tp2dg-provider-ollama/index.js');

/** The guide's ```js block that starts with `// index.js`. */
async function guideCode(): Promise<string> {
  const doc = await readFile(join(REPO_ROOT, 'docs/provider-authoring.md'), 'utf8');
  const start = doc.indexOf('```js\n// index.js\n');
  if (start < 0) throw new Error('docs/provider-authoring.md has no ```js block starting with // index.js');
  return doc.slice(start + '```js\n'.length, doc.indexOf('\n```', start) + 1);
}

let project: string | undefined;

/** The example installed in a project that depends on what it imports, as its users' would be. */
async function importExample(): Promise<ModelProviderPluginV1> {
  project = await temporaryDirectory('doc-provider');
  await mkdir(join(project, 'node_modules', '@tp2dg'), { recursive: true });
  await symlink(join(REPO_ROOT, 'packages/entities'), join(project, 'node_modules/@tp2dg/entities'), 'dir');
  await symlink(
    join(REPO_ROOT, 'packages/model-providers/node_modules/zod'),
    join(project, 'node_modules/zod'),
    'dir',
  );
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'doc-provider', type: 'module' }));
  await writeFile(join(project, 'index.js'), await readFile(EXAMPLE, 'utf8'));
  return (await import(pathToFileURL(join(project, 'index.js')).href)).default;
}

/** What the fake Ollama server was sent. */
const received: Record<string, unknown>[] = [];

/** Ollama's /api/chat, as far as the example uses it: JSON when asked for by a schema. */
function startFakeOllama(): Promise<Server> {
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const sent = JSON.parse(body) as Record<string, unknown>;
    received.push(sent);
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        message: {
          role: 'assistant',
          content: sent.format === undefined ? 'Hello there.' : '{"answer":"blue"}',
        },
        done: true,
        done_reason: 'stop',
        prompt_eval_count: 12,
        eval_count: 3,
      }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: Server;
beforeAll(async () => {
  server = await startFakeOllama();
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (project !== undefined) await rm(project, { recursive: true, force: true });
});

describeModelProviderConformance({
  name: 'the example of docs/provider-authoring.md',
  create: async () =>
    createModelProvider(
      await importExample(),
      { host: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      { model: 'llama3.2-vision', env: {}, seed: 7, timeoutMs: 5000, maxAttempts: 1 },
    ),
});

describe('docs/provider-authoring.md', () => {
  it('should show the example file as it is', async () => {
    expect(await guideCode()).toBe(await readFile(EXAMPLE, 'utf8'));
  });

  // After the conformance suite above, whose calls the fake server kept.
  it('should have sent Ollama the system instruction, the image in base64 and the schema', () => {
    expect(received.some((body) => (body.messages as { role: string }[])[0]?.role === 'system')).toBe(true);
    const images = received.flatMap((body) =>
      (body.messages as { images: string[] }[]).flatMap((m) => m.images),
    );
    expect(images.length).toBeGreaterThan(0);
    expect(received.some((body) => body.format !== undefined)).toBe(true);
    expect(received.every((body) => body.model === 'llama3.2-vision' && body.stream === false)).toBe(true);
  });
});
