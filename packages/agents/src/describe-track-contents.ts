import type { Track } from '@tp2dg/entities';
import { joinWords } from './format-list.js';
import { type TrackView, trackFieldsOf } from './track-parts.js';

type Presence = 'all' | 'some' | 'none';

function presence(tracks: readonly Track[], has: (track: Track) => boolean): Presence {
  const count = tracks.filter(has).length;
  return count === 0 ? 'none' : count === tracks.length ? 'all' : 'some';
}

/**
 * What each of these tracks reaches an agent as, in words ("a line of text with its title,
 * artist and album, then its audio clip and its cover image"), said from what is really sent:
 * a field or a medium no track has is not named, one only some tracks have is named as such.
 * Prompts describe tracks only through this, so no prompt asks a model to read lyrics, hear a
 * clip or look at a cover it was not given.
 */
export function describeTrackContents(tracks: readonly Track[], view: TrackView): string {
  const always: string[] = [];
  const sometimes: string[] = [];
  for (const piece of trackFieldsOf(view)) {
    const found = presence(tracks, (track) => piece.render(track) !== undefined);
    if (found === 'all') always.push(...piece.names);
    if (found === 'some') sometimes.push(...piece.names);
  }
  const text = `a line of text with its ${joinWords(always)}${
    sometimes.length > 0 ? ` (and, for some tracks, its ${joinWords(sometimes)})` : ''
  }`;
  const media = [
    ['its audio clip', presence(tracks, (track) => track.audio_path !== undefined)],
    ['its cover image', presence(tracks, (track) => track.image_path !== undefined)],
  ] as const;
  const sent = media.flatMap(([medium, found]) =>
    found === 'all' ? [medium] : found === 'some' ? [`${medium} when it has one`] : [],
  );
  return sent.length === 0 ? text : `${text}, then ${joinWords(sent)}`;
}
