import { readFile, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError, type Tp2dgErrorCode } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTemporaryCorpus,
  editCorpusRecord,
  removeTemporaryDirectories,
} from '../test-support/temporary-corpus.js';
import { referenceDataLoader } from './reference-plugin.js';

afterAll(removeTemporaryDirectories);

/** Creates a loader over `dataDir`, expecting it to fail, and returns the error. */
async function creationError(dataDir: string): Promise<Tp2dgError> {
  const error = await Promise.resolve()
    .then(() => referenceDataLoader.create({ dataDir, profileSize: 3 }))
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  if (!Tp2dgError.isInstance(error)) throw new Error(`expected a Tp2dgError, got ${String(error)}`);
  return error;
}

function expectError(error: Tp2dgError, code: Tp2dgErrorCode, ...fragments: string[]) {
  expect(error.code).toBe(code);
  expect(error.message).not.toContain('\n');
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

describe('reference loader input errors', () => {
  it('should report invalid JSON with file, line and column', async () => {
    const dataDir = await createTemporaryCorpus();
    const tracksFile = path.join(dataDir, 'tracks.json');
    await writeFile(tracksFile, '{\n  "tracks": [\n    { "track_id": oops }\n  ]\n}\n');
    const error = await creationError(dataDir);
    expectError(error, 'INVALID_INPUT', `${tracksFile}: invalid JSON at line 3, column 19`, 'Fix the syntax');
  });

  it('should report invalid JSON in playlists.json, which is read in chunks, with line and column', async () => {
    const dataDir = await createTemporaryCorpus();
    const playlistsFile = path.join(dataDir, 'playlists.json');
    const text = await readFile(playlistsFile, 'utf8');
    // Without the second session's opening brace, its first key reads as an array element
    // followed by a colon: line 18 (the first session takes lines 3-16, with 8 track ids).
    await writeFile(playlistsFile, text.replace('},\n    {', '},\n    '));
    const error = await creationError(dataDir);
    expectError(
      error,
      'INVALID_INPUT',
      `${playlistsFile}: invalid JSON at line 18, column 16 (Expected ',' or ']' after array element)`,
      'Fix the syntax',
    );
  });

  it('should name both sessions of a repeated session_id', async () => {
    const dataDir = await createTemporaryCorpus();
    let firstId = '';
    await editCorpusRecord(dataDir, 'playlists.json', 0, (record) => {
      firstId = record.session_id as string;
    });
    const playlistsFile = await editCorpusRecord(dataDir, 'playlists.json', 2, (record) => {
      record.session_id = firstId;
    });
    expectError(
      await creationError(dataDir),
      'INVALID_INPUT',
      `${playlistsFile}: sessions[0] and sessions[2] both have session_id ${JSON.stringify(firstId)}`,
    );
  });

  it('should count the problems of every session in playlists.json before reporting the first', async () => {
    const dataDir = await createTemporaryCorpus();
    await editCorpusRecord(dataDir, 'playlists.json', 0, (record) => {
      record.user_id = 'ghost';
    });
    await editCorpusRecord(dataDir, 'playlists.json', 1, (record) => {
      delete record.track_ids;
    });
    const playlistsFile = await editCorpusRecord(dataDir, 'playlists.json', 2, (record) => {
      record.track_ids = 'not a list';
    });
    // Field problems come before an unknown user, as when the file was checked whole.
    expectError(
      await creationError(dataDir),
      'INVALID_INPUT',
      `${playlistsFile}: sessions[1]`,
      '"track_ids" is required',
      '(1 more problem in this file)',
    );
  });

  it('should name the record and the field of a schema violation, counting the other problems', async () => {
    const dataDir = await createTemporaryCorpus();
    const tracksFile = await editCorpusRecord(dataDir, 'tracks.json', 3, (record) => {
      delete record.title;
    });
    await editCorpusRecord(dataDir, 'tracks.json', 5, (record) => {
      record.artist = 42;
    });
    const error = await creationError(dataDir);
    expectError(
      error,
      'INVALID_INPUT',
      `${tracksFile}: tracks[3] (track_id "t004"): "title" is required (expected string) (1 more problem in this file). Fix the record.`,
    );
  });

  it('should reject a session naming a track that is not in tracks.json', async () => {
    const dataDir = await createTemporaryCorpus();
    const playlistsFile = await editCorpusRecord(dataDir, 'playlists.json', 1, (record) => {
      record.track_ids = [...(record.track_ids as string[]), 't99'];
    });
    const error = await creationError(dataDir);
    const sessionId = JSON.parse(await readFile(playlistsFile, 'utf8')).sessions[1].session_id;
    expectError(
      error,
      'INVALID_INPUT',
      `${playlistsFile}: session "${sessionId}" names track "t99"`,
      'tracks.json',
    );
  });

  it('should reject a session naming an unknown user', async () => {
    const dataDir = await createTemporaryCorpus();
    const playlistsFile = await editCorpusRecord(dataDir, 'playlists.json', 0, (record) => {
      Object.assign(record, { user_id: 'ghost' });
    });
    expectError(
      await creationError(dataDir),
      'INVALID_INPUT',
      playlistsFile,
      'names user "ghost"',
      'users.json',
    );
  });

  it('should reject a duplicate track_id, naming both records', async () => {
    const dataDir = await createTemporaryCorpus();
    const tracksFile = await editCorpusRecord(dataDir, 'tracks.json', 4, (record) => {
      Object.assign(record, { track_id: 't002' });
    });
    expectError(
      await creationError(dataDir),
      'INVALID_INPUT',
      `${tracksFile}: tracks[1] and tracks[4]`,
      '"t002"',
    );
  });

  it('should reject a media path that leaves the corpus directory through ../', async () => {
    const dataDir = await createTemporaryCorpus();
    await writeFile(path.join(dataDir, '..', 'secret.wav'), 'not for upload');
    const tracksFile = await editCorpusRecord(dataDir, 'tracks.json', 2, (record) => {
      Object.assign(record, { audio_path: '../secret.wav' });
    });
    const error = await creationError(dataDir);
    expectError(
      error,
      'MEDIA_PATH_ESCAPE',
      `${tracksFile}: tracks[2] (track_id "t003"): audio_path "../secret.wav"`,
    );
  });

  it('should reject a symlink inside the corpus that points outside it', async () => {
    const dataDir = await createTemporaryCorpus();
    const outside = path.join(dataDir, '..', 'outside.png');
    await writeFile(outside, 'elsewhere');
    await unlink(path.join(dataDir, 'images', 't001.png'));
    await symlink(outside, path.join(dataDir, 'images', 't001.png'));
    const error = await creationError(dataDir);
    expectError(
      error,
      'MEDIA_PATH_ESCAPE',
      'tracks[0] (track_id "t001"): image_path "images/t001.png"',
      'outside',
    );
  });

  it('should reject a missing media file', async () => {
    const dataDir = await createTemporaryCorpus();
    await unlink(path.join(dataDir, 'audio', 't007.wav'));
    const error = await creationError(dataDir);
    expectError(
      error,
      'MEDIA_NOT_FOUND',
      'tracks[6] (track_id "t007"): audio_path "audio/t007.wav"',
      'Add the file',
    );
  });

  it('should name a missing corpus file', async () => {
    const dataDir = await createTemporaryCorpus();
    await unlink(path.join(dataDir, 'users.json'));
    expectError(
      await creationError(dataDir),
      'INVALID_INPUT',
      `${path.join(dataDir, 'users.json')}: file not found`,
    );
  });
});
