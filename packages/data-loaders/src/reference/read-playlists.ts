import { createReadStream } from 'node:fs';
import { Tp2dgError } from '@tp2dg/entities';
import { ArrayMemberParser, ArrayMemberProblem, type ParsedElement } from './array-member-parser.js';
import type { ReferenceCorpus } from './load-reference-corpus.js';
import { corpusLayoutError, duplicateIdError, RecordChecks } from './parse-corpus-records.js';
import { invalidCorpusJson, unreadableCorpusFile } from './read-corpus-json.js';
import { type ReferencePlaylist, referenceFiles } from './reference-schemas.js';

/**
 * The sessions of playlists.json in file order, read a chunk at a time: memory holds one
 * session record, not the file. Each record is checked as it comes (its fields, a unique
 * session_id, a user in users.json, tracks in tracks.json). At the first problem the records
 * stop coming, the rest of the file is still read to count its problems, and the error is
 * thrown with the same precedence as a whole-file check: field problems (with their count),
 * then a repeated id, then an unknown user or track. The ids seen so far are the only thing
 * kept, to find a repeat.
 */
export async function* readPlaylists(corpus: ReferenceCorpus): AsyncGenerator<ReferencePlaylist> {
  const file = corpus.playlistsFile;
  const spec = referenceFiles.playlists;
  const checks = new RecordChecks(file, spec);
  const firstPositions = new Map<string, number>();
  let invalid = false;
  let duplicate: Tp2dgError | undefined;
  let unknownReference: Tp2dgError | undefined;
  for await (const { index, value } of parsedElements(file, spec.key)) {
    const playlist = checks.check(index, value);
    if (playlist === undefined) {
      invalid = true;
      continue;
    }
    const first = firstPositions.get(playlist.session_id);
    if (first !== undefined) {
      duplicate ??= duplicateIdError(file, spec, [first, index], playlist.session_id);
      continue;
    }
    firstPositions.set(playlist.session_id, index);
    unknownReference ??= unknownReferenceError(file, playlist, corpus);
    if (!invalid && duplicate === undefined && unknownReference === undefined) yield playlist;
  }
  const error = checks.error() ?? duplicate ?? unknownReference;
  if (error !== undefined) throw error;
}

/** The elements of the array under `key`, with the file's problems as corpus errors. */
async function* parsedElements(file: string, key: string): AsyncGenerator<ParsedElement> {
  const parser = new ArrayMemberParser(key);
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
      yield* parser.push(chunk as string);
    }
    parser.end();
  } catch (error) {
    if (error instanceof ArrayMemberProblem) {
      if (error.kind === 'layout') throw corpusLayoutError(file, key);
      throw invalidCorpusJson(file, error.position, error.reason, error);
    }
    // The file system's errors (missing, unreadable) carry the call that failed.
    if (error instanceof Error && 'syscall' in error) throw unreadableCorpusFile(file, error);
    throw error;
  }
}

function unknownReferenceError(
  file: string,
  playlist: ReferencePlaylist,
  corpus: ReferenceCorpus,
): Tp2dgError | undefined {
  const session = `${file}: session ${JSON.stringify(playlist.session_id)}`;
  if (!corpus.users.has(playlist.user_id)) {
    return new Tp2dgError(
      'INVALID_INPUT',
      `${session} names user ${JSON.stringify(playlist.user_id)}, which is not in users.json. Add the user or fix the session's user_id.`,
    );
  }
  const unknown = playlist.track_ids.find((trackId) => !corpus.tracks.has(trackId));
  if (unknown === undefined) return undefined;
  return new Tp2dgError(
    'INVALID_INPUT',
    `${session} names track ${JSON.stringify(unknown)}, which is not in tracks.json. Add the track or remove it from the session.`,
  );
}
