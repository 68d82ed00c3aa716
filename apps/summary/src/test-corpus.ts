import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Track, TrackSchema } from '@tp2dg/entities';
import type { ConversationRecord } from './collect.js';
import { buildConversation } from './test-fixtures.js';

// Test data only: a corpus with media, a run manifest naming it, and conversations whose
// Recsys recommends its tracks, for the HTML report's media.

/** The bytes of each media file: short, and told apart in a data URI. */
export const MEDIA_BYTES = {
  audio: 'RIFF-fake-wav-of-t-ok',
  cover: 'PNG-fake-cover-of-t-ok',
  other: 'RIFF-fake-wav-of-t-other',
  secret: 'a file outside the corpus',
};

export interface CorpusRun {
  /** The `--input`: its run directory is `gemini-2.5-flash/demo`, as `buildConversation` lays folders. */
  input: string;
  corpus: string;
  /** Beside the corpus, holding the file no report may embed. */
  outside: string;
}

/** Writes the corpus, a file outside it, a link from inside to that file, and the run's manifest. */
export async function writeCorpusRun(corpusInManifest?: string): Promise<CorpusRun> {
  const root = await mkdtemp(join(tmpdir(), 'tp2dg-summary-corpus-'));
  const corpus = join(root, 'corpus');
  const outside = join(root, 'outside');
  const input = join(root, 'runs');
  await mkdir(join(corpus, 'audio'), { recursive: true });
  await mkdir(join(corpus, 'images'), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(join(corpus, 'audio', 'ok.wav'), MEDIA_BYTES.audio);
  await writeFile(join(corpus, 'images', 'ok.png'), MEDIA_BYTES.cover);
  await writeFile(join(corpus, 'audio', 'other.wav'), MEDIA_BYTES.other);
  await writeFile(join(outside, 'secret.wav'), MEDIA_BYTES.secret);
  await symlink(join(outside, 'secret.wav'), join(corpus, 'audio', 'link.wav'));
  const runDirectory = join(input, 'gemini-2.5-flash', 'demo');
  await mkdir(runDirectory, { recursive: true });
  const manifest = { manifest_version: 1, run_options: { data: corpusInManifest ?? corpus } };
  await writeFile(join(runDirectory, 'run-manifest.json'), JSON.stringify(manifest));
  return { input, corpus, outside };
}

export function track(trackId: string, media: Partial<Track> = {}): Track {
  return TrackSchema.parse({ track_id: trackId, title: `Title of ${trackId}`, artist: 'Band', ...media });
}

/** A conversation of the sample's shape whose turns recommend these tracks, one a turn. */
export function recommending(userId: string, tracks: readonly Track[]): ConversationRecord {
  const conversation = buildConversation({
    userId,
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    category: 'A',
    specificity: 'LL',
    assessments: tracks.slice(1).map(() => 'MOVES_TOWARD_GOAL'),
  });
  return {
    ...conversation,
    chat: conversation.chat.map((turn, index) => ({
      ...turn,
      recsys: { ...turn.recsys, track: tracks[index] ?? null },
    })),
  };
}
