import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { encodeMp3Frames } from '@tp2dg/data-loaders/test';
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import { copyOfDummy, hashTree } from './support/corpus-copies.js';
import { emulatorEnv, GENERATE, runNode, simulatedRunArgs } from './support/run-command.js';

const API_KEY = 'AIza-input-checks-key-0000';
/** A track of the first bundled session (u01__2019-01-07), so a refusal comes before any conversation. */
const TRACK = 't004';
const SESSION = 'u01__2019-01-07';

/** A copy of the bundled corpus, and an output folder beside it. */
async function corpusCopy(): Promise<{ corpus: string; output: string }> {
  const corpus = await copyOfDummy();
  return { corpus, output: join(dirname(corpus), 'out') };
}

async function editTrack(corpus: string, edit: (track: Record<string, unknown>) => void): Promise<void> {
  const file = join(corpus, 'tracks.json');
  const value = JSON.parse(await readFile(file, 'utf8')) as { tracks: Record<string, unknown>[] };
  const track = value.tracks.find((record) => record.track_id === TRACK);
  if (track === undefined) throw new Error(`${TRACK} is not in the bundled corpus`);
  edit(track);
  await writeFile(file, JSON.stringify(value));
}

/** Runs the simulated generator on `corpus`, checking the corpus is left byte for byte as it was. */
async function generate(corpus: string, output: string, ...more: string[]) {
  const before = await hashTree(corpus);
  const result = await runNode(GENERATE, simulatedRunArgs(corpus, output, ...more));
  expect(await hashTree(corpus)).toEqual(before);
  return result;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The one error line of a refused run. */
function errorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line.startsWith('tp2dg-generate:'));
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

/** A run refused at the first session leaves its manifest (whole JSON) and nothing else. */
async function expectNothingButTheManifest(output: string): Promise<void> {
  const manifest = 'simulated/corpus/run-manifest.json';
  expect(Object.keys(await hashTree(output))).toEqual([manifest]);
  JSON.parse(await readFile(join(output, manifest), 'utf8'));
}

/** The MIME types a session's calls sent its media as, by saved (corpus-relative) path. */
async function sentTypes(output: string, model: string): Promise<Map<string, Set<string>>> {
  const calls = await readFile(join(output, model, 'corpus', 'u01', SESSION, 'calls.jsonl'), 'utf8');
  const types = new Map<string, Set<string>>();
  for (const line of calls.trim().split('\n')) {
    const call = JSON.parse(line) as {
      request: { messages: { parts: { path?: string; mimeType?: string }[] }[] };
    };
    for (const part of call.request.messages.flatMap((message) => message.parts)) {
      if (part.path === undefined || part.mimeType === undefined) continue;
      types.set(part.path, (types.get(part.path) ?? new Set()).add(part.mimeType));
    }
  }
  return types;
}

describe('tp2dg-generate checks media and text as it takes sessions', () => {
  const refusals: [string, (corpus: string) => Promise<void>, string[], RegExp][] = [
    [
      'a zero-byte WAV',
      (corpus) => writeFile(join(corpus, 'audio', `${TRACK}.wav`), ''),
      [],
      /the file is empty \(0 bytes\)\. Replace it with an audio clip\.$/,
    ],
    [
      'text named .wav',
      (corpus) => writeFile(join(corpus, 'audio', `${TRACK}.wav`), 'Liner notes, not a clip.\n'),
      [],
      /its first bytes match no audio or image format .*wav, mp3/,
    ],
    [
      'a WAV over a lowered --max-audio-mb',
      async () => {},
      ['--max-audio-mb', '0.04'],
      /the file is 0\.0458 MB, over the 0\.04 MB cap for audio\. .*raise --max-audio-mb\.$/,
    ],
  ];

  for (const [name, spoil, options, problem] of refusals) {
    it(`should stop on ${name} with exit 3 and one line naming the file, the track and the session`, async () => {
      const { corpus, output } = await corpusCopy();
      await spoil(corpus);
      const result = await generate(corpus, output, ...options);
      expect(result.code).toBe(3);
      const line = errorLine(result.stderr);
      // The first session taken holds t004 or, with a lowered cap, t009 (its first track).
      expect(line).toMatch(
        new RegExp(
          `^tp2dg-generate: ${escapeRegExp(corpus)}/audio/t00[49]\\.wav \\(audio_path of track "t00[49]" in session "${SESSION}"\\): `,
        ),
      );
      expect(line).toMatch(problem);
      await expectNothingButTheManifest(output);
    });
  }

  it('should send an MP3 named .wav and a PNG named .jpg as what they are, warning once per file', async () => {
    const { corpus, output } = await corpusCopy();
    await writeFile(join(corpus, 'audio', `${TRACK}.wav`), encodeMp3Frames(40));
    await cp(join(corpus, 'images', `${TRACK}.png`), join(corpus, 'images', `${TRACK}.jpg`));
    await editTrack(corpus, (track) => {
      track.image_path = `images/${TRACK}.jpg`;
    });
    const result = await generate(corpus, output);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote 8 conversation(s)');
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toEqual([
      `warning: ${corpus}/audio/${TRACK}.wav (audio_path of track "${TRACK}" in session "${SESSION}"): the file holds audio/mp3, which its name does not say: sent as audio/mp3. Rename it to .mp3.`,
      `warning: ${corpus}/images/${TRACK}.jpg (image_path of track "${TRACK}" in session "${SESSION}"): the file holds image/png, which its name does not say: sent as image/png. Rename it to .png.`,
    ]);
    const types = await sentTypes(output, 'simulated');
    expect(types.get(`audio/${TRACK}.wav`)).toEqual(new Set(['audio/mp3']));
    expect(types.get(`images/${TRACK}.jpg`)).toEqual(new Set(['image/png']));
    expect(types.get('audio/t009.wav')).toEqual(new Set(['audio/wav']));
  });

  it('should upload a misnamed MP3 to Gemini as audio/mp3 when clips are sent as they are', async () => {
    const { corpus, output } = await corpusCopy();
    const mp3 = encodeMp3Frames(40);
    await writeFile(join(corpus, 'audio', `${TRACK}.wav`), mp3);
    const emulator = await startGeminiEmulator({ apiKey: API_KEY });
    try {
      const env = emulatorEnv(emulator, API_KEY);
      const before = await hashTree(corpus);
      const args = ['--provider', 'gemini', '--data', corpus, '--output-dir', output, '--sessions', '1'];
      const result = await runNode(GENERATE, [...args, '--clip-seconds', '0'], { env });
      expect(result.code).toBe(0);
      expect(await hashTree(corpus)).toEqual(before);
      const upload = emulator.uploads.find((file) => file.bytes.equals(mp3));
      expect(upload?.mimeType).toBe('audio/mp3');
      expect((await sentTypes(output, DEFAULT_MODEL)).get(`audio/${TRACK}.wav`)).toEqual(
        new Set(['audio/mp3']),
      );
    } finally {
      await emulator.close();
    }
  });

  it('should cut a very long title and count it, or stop on it with --strict', async () => {
    const { corpus, output } = await corpusCopy();
    await editTrack(corpus, (track) => {
      track.title = 'Very long title '.repeat(10_000);
    });
    const cut = await generate(corpus, output, '--sessions', '1');
    expect(cut.code).toBe(0);
    expect(cut.stdout).toContain('Cut 1 text field(s) to their caps');
    expect(cut.stderr).toContain(
      `warning: session "${SESSION}": track "${TRACK}": title cut from 160,000 to 4,000 characters (--max-text-chars)`,
    );
    const saved = JSON.parse(
      await readFile(join(output, 'simulated', 'corpus', 'u01', SESSION, 'session.json'), 'utf8'),
    );
    const tracks = [...saved.liked_tracks, ...saved.pool_tracks] as { track_id: string; title: string }[];
    expect(tracks.find((track) => track.track_id === TRACK)?.title).toHaveLength(4000);

    const strictOutput = join(output, '..', 'strict');
    const strict = await generate(corpus, strictOutput, '--strict');
    expect(strict.code).toBe(3);
    expect(errorLine(strict.stderr)).toBe(
      `tp2dg-generate: session "${SESSION}": track "${TRACK}": title is 160,000 characters, over the --max-text-chars cap of 4,000. Shorten it in the corpus or raise --max-text-chars; without --strict it is cut.`,
    );
    await expectNothingButTheManifest(strictOutput);
  });

  it('should project the same cuts and warnings in a dry run, writing nothing', async () => {
    const { corpus, output } = await corpusCopy();
    await editTrack(corpus, (track) => {
      track.lyrics = 'la '.repeat(10_000);
    });
    const result = await runNode(GENERATE, [
      '--dry-run',
      '--data',
      corpus,
      '--output-dir',
      output,
      '--max-lyrics-chars',
      '1000',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('text fields cut to their caps: 1');
    expect(result.stderr).toContain(
      `track "${TRACK}": lyrics cut from 30,000 to 1,000 characters (--max-lyrics-chars)`,
    );
    expect(await readdir(join(output, '..'))).toEqual(['corpus']);
  });

  it('should refuse a cap that is not a positive number before doing anything', async () => {
    const result = await runNode(GENERATE, ['--provider', 'simulated', '--max-image-mb', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--max-image-mb must be a positive number of megabytes (got 0)');
  });
});
