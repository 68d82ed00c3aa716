import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type CooperativeResponder,
  createCooperativeResponder,
  type GeminiEmulator,
  startGeminiEmulator,
} from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import { copyOfDummy } from './support/corpus-copies.js';
import { emulatorEnv, GENERATE, runNode } from './support/run-command.js';

const API_KEY = 'AIza-snippets-key-0000';
/** The first bundled session (13 tracks) and one of its tracks. */
const SESSION = 'u01__2019-01-07';
const TRACK = 't004';
const MODEL = DEFAULT_MODEL;
const WAV_HEADER_BYTES = 44;

/** A 16-bit PCM WAV (the canonical 44-byte header) played `times` over, as one file. */
function looped(wav: Buffer, times: number): Buffer {
  const data = Buffer.concat(Array.from({ length: times }, () => wav.subarray(WAV_HEADER_BYTES)));
  const header = Buffer.from(wav.subarray(0, WAV_HEADER_BYTES));
  header.writeUInt32LE(36 + data.length, 4);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * The bundled corpus with every 3 s clip looped to 30 s, as long as a Music4All clip. Each
 * track keeps its own melody, so no two clips, and no two snippets, are alike.
 */
async function corpusOfThirtySecondClips(): Promise<string> {
  const corpus = await copyOfDummy();
  for (const name of await readdir(join(corpus, 'audio'))) {
    const clip = join(corpus, 'audio', name);
    await writeFile(clip, looped(await readFile(clip), 10));
  }
  return corpus;
}

interface EmulatedRun {
  emulator: GeminiEmulator;
  responder: CooperativeResponder;
  output: string;
  code: number;
  stderr: string;
}

/** One session through the emulator; `more` options after the common ones. */
async function runThroughEmulator(corpus: string, output: string, ...more: string[]): Promise<EmulatedRun> {
  const responder = createCooperativeResponder();
  const emulator = await startGeminiEmulator({ respond: responder.respond, apiKey: API_KEY });
  const args = ['--provider', 'gemini', '--data', corpus, '--output-dir', output, '--sessions', '1', ...more];
  const result = await runNode(GENERATE, args, { env: emulatorEnv(emulator, API_KEY) });
  return { emulator, responder, output, code: result.code, stderr: result.stderr };
}

/** The audio tokens the emulator billed for a run, served from the implicit cache or not. */
function billedAudioTokens(run: EmulatedRun): number {
  return [...run.responder.reportedUsage.values()].reduce(
    (sum, usage) => sum + usage.audio_input + usage.cached_audio_input,
    0,
  );
}

/** The audio input tokens a dry run projects, from its `  audio  N  (M of them ...)` line. */
async function projectedAudioTokens(corpus: string, output: string, ...more: string[]): Promise<number> {
  const args = ['--dry-run', '--data', corpus, '--output-dir', output, '--sessions', '1', ...more];
  const { stdout } = await runNode(GENERATE, args);
  const figure = /^ {2}audio +([\d,]+) /m.exec(stdout)?.[1];
  return Number(figure?.replaceAll(',', ''));
}

async function runSettings(output: string): Promise<Record<string, unknown>> {
  const manifest = await readFile(join(output, MODEL, 'corpus', 'run-manifest.json'), 'utf8');
  return (JSON.parse(manifest) as { settings: Record<string, unknown> }).settings;
}

describe('tp2dg-generate sends Gemini snippets of the audio clips', () => {
  let corpus: string;
  let snippets: EmulatedRun;
  let whole: EmulatedRun;

  beforeAll(async () => {
    corpus = await corpusOfThirtySecondClips();
    const outputs = join(dirname(corpus), 'outputs');
    [snippets, whole] = await Promise.all([
      runThroughEmulator(corpus, join(outputs, 'snippets')),
      runThroughEmulator(corpus, join(outputs, 'whole'), '--clip-seconds', '0'),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([snippets?.emulator.close(), whole?.emulator.close()]);
    await rm(dirname(corpus), { recursive: true, force: true });
  });

  it('should upload each 30 s clip as a 3 s 16 kHz mono 16-bit WAV, named after the clip', async () => {
    expect(snippets.code).toBe(0);
    const audio = snippets.emulator.uploads.filter((upload) => upload.mimeType.startsWith('audio/'));
    // The session's 13 tracks, each with its own clip.
    expect(audio).toHaveLength(13);
    for (const upload of audio) {
      // 3 s x 16,000 samples x 2 bytes after a 44-byte header: 96,044 bytes, as the paper's 96 KB.
      expect(upload).toMatchObject({ mimeType: 'audio/wav', sizeBytes: 96_044, audioSeconds: 3 });
      expect(upload.displayName).toMatch(/^t\d{3}\.wav$/);
      const wav = upload.bytes;
      expect([wav.toString('ascii', 0, 4), wav.toString('ascii', 8, 16)]).toEqual(['RIFF', 'WAVEfmt ']);
      expect(wav.readUInt16LE(20)).toBe(1); // PCM
      expect(wav.readUInt16LE(22)).toBe(1); // mono
      expect(wav.readUInt32LE(24)).toBe(16_000);
      expect(wav.readUInt16LE(34)).toBe(16);
      expect(wav.readUInt32LE(40)).toBe(96_000);
    }
    expect(await readdir(join(snippets.output, 'snippets'))).toHaveLength(13);
    expect(await runSettings(snippets.output)).toMatchObject({ clip_seconds: 3, clip_offset: 'middle' });
  });

  it('should upload the clips as they are with --clip-seconds 0', async () => {
    expect(whole.code).toBe(0);
    const audio = whole.emulator.uploads.filter((upload) => upload.mimeType.startsWith('audio/'));
    expect(audio).toHaveLength(13);
    for (const upload of audio) {
      const clip = await readFile(join(corpus, 'audio', upload.displayName ?? ''));
      expect(upload.bytes.equals(clip), upload.displayName).toBe(true);
      // 30 s of 8 kHz 16-bit mono: 480,000 bytes of samples.
      expect(upload).toMatchObject({ mimeType: 'audio/wav', sizeBytes: 480_044, audioSeconds: 30 });
    }
    expect(existsSync(join(whole.output, 'snippets'))).toBe(false);
    expect(await runSettings(whole.output)).toMatchObject({ clip_seconds: 0, clip_offset: null });
  });

  it('should be billed about 10 times less audio for the snippets, as the dry run projects', async () => {
    // The same conversation either way: the same calls, each with the same media.
    expect(snippets.emulator.requests).toHaveLength(whole.emulator.requests.length);
    const withSnippets = billedAudioTokens(snippets);
    const withClips = billedAudioTokens(whole);
    // Each use of a clip bills 30 s x 32 tokens a second = 960 tokens, of its snippet 3 s x 32 = 96:
    // ten times less, on every call that carries it.
    expect(withSnippets % 96).toBe(0);
    expect(withSnippets).toBeGreaterThan(0);
    expect(withClips).toBe(10 * withSnippets);
    // The dry run counts the same seconds from the clips' headers, without decoding them.
    const dryRuns = join(dirname(corpus), 'dry-runs');
    expect(await projectedAudioTokens(corpus, dryRuns)).toBe(withSnippets);
    expect(await projectedAudioTokens(corpus, dryRuns, '--clip-seconds', '0')).toBe(withClips);
  }, 20_000);
});

describe('tp2dg-generate refuses a clip it cannot decode', () => {
  it('should stop with exit 3 before any upload or call, naming the file, the track and the session', async () => {
    const corpus = await copyOfDummy();
    try {
      // "fLaC" and nothing but zeros after it: FLAC by its first bytes, and no audio in it.
      const damaged = join(corpus, 'audio', `${TRACK}.wav`);
      await writeFile(damaged, Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(4000)]));
      const run = await runThroughEmulator(corpus, join(dirname(corpus), 'out'));
      try {
        expect(run.code).toBe(3);
        expect(run.stderr).toContain(
          `tp2dg-generate: ${damaged} (audio_path of track "${TRACK}" in session "${SESSION}"): the FLAC decoder finds no audio in it (damaged, or empty). Replace it with a valid audio file.`,
        );
        expect(run.emulator.counters.uploadStarts).toBe(0);
        expect(run.emulator.counters.generateRequests).toBe(0);
      } finally {
        await run.emulator.close();
      }
    } finally {
      await rm(dirname(corpus), { recursive: true, force: true });
    }
  });
});
