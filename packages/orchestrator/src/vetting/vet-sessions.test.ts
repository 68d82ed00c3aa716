import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSnippetMaker, type SnippetMaker } from '@tp2dg/audio-snippets';
import { encodeMp3Frames } from '@tp2dg/data-loaders/test';
import { type Session, Tp2dgError, type Track } from '@tp2dg/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MEDIA_TYPES } from '../test-prices.js';
import { DUMMY_DATA_DIR } from '../testing/dummy-fixtures.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { vetSessions } from './vet-sessions.js';

let folder: string;
let clip: string;
let cover: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tp2dg-vet-'));
  clip = join(folder, 'clip.wav');
  cover = join(folder, 'cover.png');
  await copyFile(join(DUMMY_DATA_DIR, 'audio', 't001.wav'), clip);
  await copyFile(join(DUMMY_DATA_DIR, 'images', 't001.png'), cover);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const track = (id: string, fields: Partial<Track> = {}): Track => ({
  track_id: id,
  title: `Title ${id}`,
  artist: 'Lumen',
  tags: [],
  audio_path: clip,
  image_path: cover,
  ...fields,
});

const session = (id: string, pool: Track[]): Session => ({
  session_id: id,
  user: {
    user_id: 'u1',
    age: null,
    age_group: null,
    gender: null,
    country: null,
    country_name: null,
    preferred_language: null,
  },
  profiling_tracks: [track('p1')],
  pool_tracks: pool,
});

async function* yieldAll(sessions: Session[]): AsyncGenerator<Session> {
  yield* sessions;
}

/** Vets the sessions, collecting what comes through, the warnings, the tally and the error. */
async function vet(sessions: Session[], limits: Partial<InputLimits> = {}, audioSnippets?: SnippetMaker) {
  const warnings: string[] = [];
  const tally = { textFieldsCut: 0 };
  const vetted: Session[] = [];
  let error: unknown;
  try {
    const options = {
      limits: { ...DEFAULT_INPUT_LIMITS, ...limits },
      mediaTypes: TEST_MEDIA_TYPES,
      tally,
      onWarning: (message: string) => warnings.push(message),
      audioSnippets,
    };
    for await (const item of vetSessions(yieldAll(sessions), options)) vetted.push(item);
  } catch (caught) {
    error = caught;
  }
  return { vetted, warnings, tally, error: error as Tp2dgError | undefined };
}

async function fileWith(name: string, content: Buffer | string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

describe('vetSessions', () => {
  it("should set the type found in each media file on its track, leaving the loader's session as it was", async () => {
    const input = session('s1', [track('t1')]);
    const { vetted, warnings, error } = await vet([input]);
    expect(error).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(vetted[0]?.pool_tracks[0]).toMatchObject({
      audio_mime_type: 'audio/wav',
      image_mime_type: 'image/png',
    });
    expect(input.pool_tracks[0]?.audio_mime_type).toBeUndefined();
  });

  it('should send a supported format under a wrong name as its real type, with one warning per file', async () => {
    const misnamed = await fileWith('song.wav', encodeMp3Frames(4));
    const sessions = [
      session('s1', [track('t1', { audio_path: misnamed })]),
      session('s2', [track('t1', { audio_path: misnamed })]),
    ];
    const { vetted, warnings } = await vet(sessions);
    expect(vetted.map((item) => item.pool_tracks[0]?.audio_mime_type)).toEqual(['audio/mp3', 'audio/mp3']);
    expect(warnings).toEqual([
      `${misnamed} (audio_path of track "t1" in session "s1"): the file holds audio/mp3, which its name does not say: sent as audio/mp3. Rename it to .mp3.`,
    ]);
  });

  it('should stop at an empty file with one line naming the file, the track and the session', async () => {
    const empty = await fileWith('empty.wav', '');
    const sessions = [
      session('s1', [track('t1')]),
      session('s2', [track('t2', { audio_path: empty })]),
      session('s3', [track('t3')]),
    ];
    const { vetted, error } = await vet(sessions);
    expect(vetted.map((item) => item.session_id)).toEqual(['s1']);
    expect(Tp2dgError.isInstance(error)).toBe(true);
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.message).toBe(
      `${empty} (audio_path of track "t2" in session "s2"): the file is empty (0 bytes). Replace it with an audio clip.`,
    );
  });

  it('should stop at a missing file, a file over its cap and text named as audio', async () => {
    const missing = await vet([session('s1', [track('t1', { image_path: join(folder, 'gone.png') })])]);
    expect(missing.error?.code).toBe('MEDIA_NOT_FOUND');
    expect(missing.error?.message).toContain('image_path of track "t1" in session "s1"');
    const over = await vet([session('s1', [track('t1')])], { maxAudioBytes: 1000 });
    expect(over.error?.message).toContain('over the 0.000954 MB cap for audio');
    const text = await fileWith('notes.wav', 'liner notes\n');
    expect((await vet([session('s1', [track('t1', { audio_path: text })])])).error?.message).toContain(
      'its first bytes match no audio or image format',
    );
  });

  it('should cut each audio snippet as its session is taken, and stop at a clip that cannot be decoded', async () => {
    const snippetFolder = join(folder, 'snippets');
    const snippets = createSnippetMaker({
      settings: { seconds: 1, offset: 'middle' },
      cacheDir: snippetFolder,
    });
    const damaged = await fileWith('damaged.flac', Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(4000)]));
    const sessions = [session('s1', [track('t1')]), session('s2', [track('t2', { audio_path: damaged })])];
    const { vetted, error } = await vet(sessions, {}, snippets);
    expect(vetted.map((item) => item.session_id)).toEqual(['s1']);
    // s1's one clip (its liked and its pool track share it): cut before s2 was looked at.
    expect(await readdir(snippetFolder)).toHaveLength(1);
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.message).toBe(
      `${damaged} (audio_path of track "t2" in session "s2"): the FLAC decoder finds no audio in it (damaged, or empty). Replace it with a valid audio file.`,
    );
  });

  it('should check each file once per run: a track met again is not read again', async () => {
    const changing = await fileWith('changing.wav', await readFile(clip));
    const sessions = yieldAll([
      session('s1', [track('t1', { audio_path: changing })]),
      session('s2', [track('t1', { audio_path: changing })]),
    ]);
    const vetted: Session[] = [];
    for await (const item of vetSessions(sessions, {
      mediaTypes: TEST_MEDIA_TYPES,
      tally: { textFieldsCut: 0 },
    })) {
      vetted.push(item);
      await writeFile(changing, '');
    }
    expect(vetted).toHaveLength(2);
  });

  it('should cut text over its cap, warning and counting each field once however many sessions hold it', async () => {
    const long = track('t1', { title: 'T'.repeat(50) });
    const { vetted, warnings, tally } = await vet([session('s1', [long]), session('s2', [long])], {
      maxTextChars: 20,
    });
    expect(vetted.map((item) => item.pool_tracks[0]?.title)).toEqual(['T'.repeat(20), 'T'.repeat(20)]);
    expect(tally.textFieldsCut).toBe(1);
    expect(warnings).toEqual([
      'session "s1": track "t1": title cut from 50 to 20 characters (--max-text-chars)',
    ]);
  });

  it('should refuse with strict what it would otherwise repair', async () => {
    const long = await vet([session('s1', [track('t1', { lyrics: 'L'.repeat(30) })])], {
      maxLyricsChars: 20,
      strict: true,
    });
    expect(long.error?.code).toBe('INVALID_INPUT');
    expect(long.error?.message).toContain(
      'session "s1": track "t1": lyrics is 30 characters, over the --max-lyrics-chars cap of 20',
    );
    const misnamed = await fileWith('cover.jpg', await readFile(cover));
    const named = await vet([session('s1', [track('t1', { image_path: misnamed })])], { strict: true });
    expect(named.error?.message).toContain(
      'Rename it to .png, or run without --strict to send it as image/png.',
    );
    expect(named.vetted).toEqual([]);
  });
});
