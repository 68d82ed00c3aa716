import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelRequest } from '@tp2dg/entities';
import { afterEach } from 'vitest';
import { createGeminiAdapter } from './create-gemini-adapter.js';
import type { GeminiAdapter } from './gemini-adapter.js';
import type { GeminiAdapterOptions, GeminiRetryEvent } from './gemini-adapter-options.js';
import type { GeminiEmulator, GeminiEmulatorOptions } from './testing/emulator-types.js';
import { startGeminiEmulator } from './testing/start-gemini-emulator.js';

/** A dummy key: tests only talk to the emulator, and messages are checked never to contain it. */
export const testApiKey = 'AIzaTEST-dummy-key-0123456789';

const openEmulators: GeminiEmulator[] = [];
const temporaryFolders: string[] = [];
afterEach(async () => {
  await Promise.all(openEmulators.splice(0).map((emulator) => emulator.close()));
  await Promise.all(temporaryFolders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the test. */
export async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tp2dg-gemini-'));
  temporaryFolders.push(folder);
  return folder;
}

export interface TestRig {
  emulator: GeminiEmulator;
  model: GeminiAdapter;
  /** Every delay the adapter asked to sleep, in order; the fake sleep returns at once. */
  sleeps: number[];
  retries: GeminiRetryEvent[];
}

/** Starts an emulator (closed after the test) and a Gemini model pointed at it, with fake time. */
export async function startTestRig(
  emulatorOptions: GeminiEmulatorOptions,
  modelOptions: Partial<GeminiAdapterOptions> = {},
): Promise<TestRig> {
  const emulator = await startGeminiEmulator(emulatorOptions);
  openEmulators.push(emulator);
  const sleeps: number[] = [];
  const retries: GeminiRetryEvent[] = [];
  const model = createGeminiAdapter({
    apiKey: testApiKey,
    model: 'gemini-3.5-flash-lite',
    baseUrl: emulator.baseUrl,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    random: () => 0.5,
    onRetry: (event) => retries.push(event),
    ...modelOptions,
  });
  return { emulator, model, sleeps, retries };
}

export function textRequest(text: string, extra: Partial<ModelRequest> = {}): ModelRequest {
  return {
    label: { agent: 'profile', turn: null, template: 'profile', attempt: 1 },
    messages: [{ role: 'user', parts: [{ kind: 'text', text }] }],
    ...extra,
  };
}

/** Writes a small media file in a fresh temporary folder (removed after the test) and returns its path. */
export async function writeMediaFile(name: string, bytes = 64): Promise<string> {
  const path = join(await temporaryFolder(), name);
  await writeFile(path, Buffer.alloc(bytes, 7));
  return path;
}

/** Runs the promise expecting a rejection and returns the error, failing if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
