import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CallRecordSchema } from '@tp2dg/entities';
import { type GeminiEmulator, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterEach } from 'vitest';
import { temporaryDirectory } from './run-command.js';

/**
 * Output folders and emulators for one test file, each folder removed and each emulator closed
 * after every test. Call at the top level of the file.
 */
export function useScratch(apiKey: string) {
  const folders: string[] = [];
  const emulators: GeminiEmulator[] = [];
  afterEach(async () => {
    await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return {
    async outputFolder(prefix: string): Promise<string> {
      const folder = await temporaryDirectory(prefix);
      folders.push(folder);
      return folder;
    },
    async emulator(options: Parameters<typeof startGeminiEmulator>[0] = {}): Promise<GeminiEmulator> {
      const emulator = await startGeminiEmulator({ apiKey, ...options });
      emulators.push(emulator);
      return emulator;
    },
  };
}

/** Every call record a run wrote under `folder` (a corpus folder), across its conversations. */
export async function callRecordsUnder(folder: string) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.name === 'calls.jsonl');
  const texts = await Promise.all(files.map((file) => readFile(join(file.parentPath, file.name), 'utf8')));
  return texts.flatMap((text) =>
    text
      .trim()
      .split('\n')
      .map((line) => CallRecordSchema.parse(JSON.parse(line))),
  );
}
