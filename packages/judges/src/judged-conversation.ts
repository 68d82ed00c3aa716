import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import {
  type ChatFile,
  ChatFileSchema,
  readSavedJsonFile,
  SESSION_FILE,
  type SessionFile,
  SessionFileSchema,
  Tp2dgError,
  type Track,
} from '@tp2dg/entities';

/** A written conversation as its judges read it: its session and chat, media paths absolute. */
export interface JudgedConversation {
  folder: string;
  session: SessionFile;
  chat: ChatFile;
}

/**
 * Reads a session folder's `session.json` and `chat.json`. A run saves media paths relative to
 * its corpus directory, which is where they are looked for; every one must be there, since the
 * judges hear and see them as the agents did.
 */
export async function readJudgedConversation(
  folder: string,
  corpusDirectory: string | undefined,
): Promise<JudgedConversation> {
  const saved = await readSavedJsonFile(
    join(folder, SESSION_FILE),
    SessionFileSchema,
    `session folder ${basename(folder)}`,
  );
  const record = `session ${saved.parsed.session_id}`;
  const chat = await readSavedJsonFile(join(folder, 'chat.json'), ChatFileSchema, record);
  const media = new MediaResolver(saved.parsed.session_id, corpusDirectory);
  const session = {
    ...saved.parsed,
    liked_tracks: saved.parsed.liked_tracks.map(media.resolve),
    pool_tracks: saved.parsed.pool_tracks.map(media.resolve),
  };
  const turns = chat.parsed.map((turn) => ({
    ...turn,
    recsys: { ...turn.recsys, track: turn.recsys.track === null ? null : media.resolve(turn.recsys.track) },
  }));
  await media.checkAllThere();
  return { folder, session, chat: turns };
}

/** Turns a conversation's saved media paths into paths on this machine, and checks they are there. */
class MediaResolver {
  private readonly paths = new Map<string, Track>();

  constructor(
    private readonly sessionId: string,
    private readonly corpusDirectory: string | undefined,
  ) {}

  readonly resolve = (track: Track): Track => ({
    ...track,
    audio_path: this.place(track, track.audio_path),
    image_path: this.place(track, track.image_path),
  });

  private place(track: Track, saved: string | undefined): string | undefined {
    if (saved === undefined) return undefined;
    if (!isAbsolute(saved) && this.corpusDirectory === undefined) {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `session ${this.sessionId}: track ${track.track_id} names ${saved} inside its corpus, but no run manifest beside the session folders says which corpus directory the run read (run_options.data).`,
      );
    }
    const path = isAbsolute(saved) ? saved : join(this.corpusDirectory as string, saved);
    this.paths.set(path, track);
    return path;
  }

  async checkAllThere(): Promise<void> {
    for (const [path, track] of this.paths) {
      const found = await stat(path).catch(() => undefined);
      if (found?.isFile() !== true) {
        throw new Tp2dgError(
          'MEDIA_NOT_FOUND',
          `${path}: a media file of track ${track.track_id} (session ${this.sessionId}) is not there; the judges hear and see the media the agents did. Put the corpus back where the run read it (run_options.data of its run-manifest.json).`,
        );
      }
    }
  }
}
