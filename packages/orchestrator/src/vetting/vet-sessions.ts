import { AudioSnippetError, type SnippetMaker } from '@tp2dg/audio-snippets';
import { type MediaKind, type MediaTypes, type Session, Tp2dgError, type Track } from '@tp2dg/entities';
import { settleAll } from '../settle-all.js';
import { capTextFields, type TextOverCap } from './cap-text-fields.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { judgeMedia } from './judge-media.js';
import { type SniffedMedia, sniffMedia } from './sniff-media.js';

export interface VettingOptions {
  /** The run's limits; the defaults when absent. */
  limits?: InputLimits | undefined;
  /** The media the model takes (its provider's declaration): every media file must hold one of them. */
  mediaTypes: MediaTypes;
  /** Where the count of repairs goes: a run's report, a dry run's projection. */
  tally: { textFieldsCut: number };
  /** Told once per media file sent as another type than its name says, and once per text field cut. */
  onWarning?: ((message: string) => void) | undefined;
  /**
   * Cuts each audio clip's snippet as its session is taken, so a clip that cannot be decoded
   * stops the run before any call or upload; absent, clips are sent as they are.
   */
  audioSnippets?: SnippetMaker | undefined;
}

const count = (value: number) => value.toLocaleString('en-US');

/**
 * The sessions as a run may use them, each vetted when it is taken, before any of its calls:
 * every media file sniffed (once per path, as a track is in many sessions) and judged, each
 * audio clip's snippet cut when snippets are, and text over its cap cut, or refused when
 * `strict`. A refusal is a `Tp2dgError` naming the file or field, the track and the session,
 * thrown by the iteration, so it stops the taking of sessions like any corpus error. It sits where the run takes sessions from the loader, so it
 * holds for every loader, first- or third-party.
 */
export async function* vetSessions(
  sessions: AsyncIterable<Session>,
  options: VettingOptions,
): AsyncIterable<Session> {
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const sniffs = new Map<string, Promise<SniffedMedia>>();
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return false;
    warned.add(key);
    options.onWarning?.(message);
    return true;
  };

  const sniff = (path: string) => {
    let known = sniffs.get(path);
    if (known === undefined) {
      known = sniffMedia(path);
      sniffs.set(path, known);
    }
    return known;
  };

  /** The type a media file is sent as, or the refusal that stops the run. */
  const sentTypeOf = async (path: string, kind: MediaKind, where: string): Promise<string> => {
    const sniffed = await sniff(path).catch((error: unknown) => {
      throw unreadable(where, error);
    });
    const maxBytes = kind === 'audio' ? limits.maxAudioBytes : limits.maxImageBytes;
    const verdict = judgeMedia(sniffed, path, kind, maxBytes, options.mediaTypes);
    if (!verdict.accepted) throw new Tp2dgError(verdict.code, `${where}: ${verdict.problem}. ${verdict.fix}`);
    if (verdict.renameTo !== undefined) {
      const misnamed = `${where}: the file holds ${verdict.mimeType}, which its name does not say`;
      const rename = `Rename it to .${verdict.renameTo}`;
      if (limits.strict) {
        throw new Tp2dgError(
          'INVALID_INPUT',
          `${misnamed}. ${rename}, or run without --strict to send it as ${verdict.mimeType}.`,
        );
      }
      warnOnce(path, `${misnamed}: sent as ${verdict.mimeType}. ${rename}.`);
    }
    return verdict.mimeType;
  };

  /** Cuts the snippet now (the run uploads it later, from the cache), or says why it cannot. */
  const cutSnippet = async (path: string, where: string): Promise<void> => {
    await options.audioSnippets?.snippetOf(path).catch((error: unknown) => {
      if (!AudioSnippetError.isInstance(error)) throw error;
      throw new Tp2dgError('INVALID_INPUT', `${where}: ${error.problem}. ${error.fix}`, { cause: error });
    });
  };

  const withMediaTypes = async (track: Track, sessionId: string): Promise<Track> => {
    const where = (field: string, path: string) =>
      `${path} (${field} of track ${JSON.stringify(track.track_id)} in session ${JSON.stringify(sessionId)})`;
    const audioSentAs = async (path: string) => {
      const at = where('audio_path', path);
      const type = await sentTypeOf(path, 'audio', at);
      await cutSnippet(path, at);
      return type;
    };
    // Settled before a failure is thrown: a snippet still being cut must not outlive the run.
    const [audio, image] = await settleAll([
      track.audio_path ? audioSentAs(track.audio_path) : Promise.resolve(undefined),
      track.image_path
        ? sentTypeOf(track.image_path, 'image', where('image_path', track.image_path))
        : Promise.resolve(undefined),
    ]);
    const vetted = { ...track };
    if (audio) vetted.audio_mime_type = audio;
    if (image) vetted.image_mime_type = image;
    return vetted;
  };

  const recordCut = (sessionId: string, field: TextOverCap) => {
    const where = `session ${JSON.stringify(sessionId)}: ${field.owner}: ${field.field}`;
    if (limits.strict) {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `${where} is ${count(field.length)} characters, over the ${field.option} cap of ${count(field.cap)}. Shorten it in the corpus or raise ${field.option}; without --strict it is cut.`,
      );
    }
    const cut = `${where} cut from ${count(field.length)} to ${count(field.cap)} characters (${field.option})`;
    if (warnOnce(`${field.owner}\0${field.field}`, cut)) options.tally.textFieldsCut += 1;
  };

  for await (const session of sessions) {
    const { session: capped, overCap } = capTextFields(session, limits);
    for (const field of overCap) recordCut(session.session_id, field);
    const vet = (tracks: readonly Track[]) =>
      settleAll(tracks.map((track) => withMediaTypes(track, session.session_id)));
    const [profiling, pool] = await settleAll([vet(capped.profiling_tracks), vet(capped.pool_tracks)]);
    yield { ...capped, profiling_tracks: profiling, pool_tracks: pool };
  }
}

function unreadable(where: string, error: unknown): Tp2dgError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new Tp2dgError('MEDIA_NOT_FOUND', `${where}: no such file. Add it or fix the path.`, {
      cause: error,
    });
  }
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new Tp2dgError('INVALID_INPUT', `${where}: cannot be read (${reason}). Make it readable.`, {
    cause: error,
  });
}
