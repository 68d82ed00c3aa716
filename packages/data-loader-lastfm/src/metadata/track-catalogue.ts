import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInsideDirectory, Tp2dgError, type Track } from '@tp2dg/entities';
import type { Music4All, Music4AllTrack } from '../music4all/read-music4all.js';

/** Tracks by id, joined from the corpus's names and, when given, Music4All. */
export interface TrackCatalogue {
  /** The track, or undefined when no file names the id; shared, so copy it before changing it. */
  lookup(trackId: string): Track | undefined;
  /** Whether `attachMedia` can add anything (a Music4All directory was given). */
  readonly hasMedia: boolean;
  /** Adds lyrics and the audio clip from Music4All to a copied track a session really uses. */
  attachMedia(track: Track): Promise<void>;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The track schema has no language field, so a known lyrics language becomes a tag
 * (`lyrics in Portuguese`), and Music4All's instrumental marker the tag `instrumental`.
 */
function languageTag(language: string | undefined): string | undefined {
  if (language === undefined || language === '') return undefined;
  if (/instrumental|^inst$|^zxx$/i.test(language)) return 'instrumental';
  try {
    const name = languageNames.of(language);
    return name === undefined || name === language ? undefined : `lyrics in ${name}`;
  } catch {
    return undefined;
  }
}

/** Genres first, then tags, then the language, each once (case-insensitive). */
function tagsOf(enrichment: Music4AllTrack): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of [...enrichment.genres, ...enrichment.tags, languageTag(enrichment.language)]) {
    if (tag === undefined || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

export function createTrackCatalogue(
  names: ReadonlyMap<string, Track>,
  music4all: Music4All | undefined,
): TrackCatalogue {
  return {
    hasMedia: music4all !== undefined,
    lookup(trackId) {
      const enrichment = music4all?.tracks.get(trackId);
      const name = names.get(trackId);
      if (enrichment === undefined) return name;
      const track: Track = {
        track_id: trackId,
        title: enrichment?.title ?? name?.title ?? '',
        artist: enrichment?.artist ?? name?.artist ?? '',
        tags: enrichment === undefined ? [] : tagsOf(enrichment),
      };
      if (enrichment?.album !== undefined) track.album = enrichment.album;
      return track;
    },
    async attachMedia(track) {
      if (music4all === undefined) return;
      const { root } = music4all;
      if (music4all.lyricsIds.has(track.track_id)) {
        const lyrics = await readFile(path.join(root, 'lyrics', `${track.track_id}.txt`), 'utf8');
        if (lyrics.trim() !== '') track.lyrics = lyrics.trim();
      }
      if (music4all.audioIds.has(track.track_id)) {
        const written = path.join(root, 'audios', `${track.track_id}.mp3`);
        const real = await realpath(written);
        // A symlinked clip must not lead the tool to upload a file from elsewhere on the machine.
        if (!isInsideDirectory(root, real)) {
          throw new Tp2dgError(
            'MEDIA_PATH_ESCAPE',
            `${written} resolves to ${real}, outside the Music4All directory ${root}. Keep the clips inside it.`,
          );
        }
        track.audio_path = real;
      }
    },
  };
}
