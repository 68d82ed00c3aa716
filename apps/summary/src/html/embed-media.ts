import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ConversationRecord } from '../collect.js';
import type { MediaMap } from './report-data.js';
import { RunCorpora } from './run-corpora.js';
import { type MediaFile, trackMediaFiles } from './track-media-files.js';

export interface MediaOptions {
  /** `none` embeds nothing: a small report that still names every track. */
  mode: 'embed' | 'none';
  /** The most bytes of media files to embed (each file once); later tracks are shown without. */
  maxBytes: number;
}

export interface EmbeddedMedia {
  media: MediaMap;
  /** The key of a track of this conversation in `media`, or null when the report holds none for it. */
  mediaKeyOf(conversation: ConversationRecord, trackId: string): string | null;
  /** What the report says about its media. */
  notices: string[];
  /** The notices that point at a problem: printed on stderr too. */
  warnings: string[];
}

/** The options that set `mode` and `maxBytes`, named in the notices. */
const MEDIA_OPTION = '--html-media';
const MAX_OPTION = '--html-media-max-mb';

/**
 * The covers and clips of the tracks the Recsys recommended, read from the corpus each run
 * recorded, as data URIs: each distinct track once (by corpus and track id), in the order the
 * conversations first recommend them, until `maxBytes`. A run whose corpus is gone is shown
 * without media, and the notices say so.
 */
export async function embedTrackMedia(
  input: string,
  conversations: readonly ConversationRecord[],
  options: MediaOptions,
): Promise<EmbeddedMedia> {
  if (options.mode === 'none') {
    const notices = [`Media not embedded (${MEDIA_OPTION} none).`];
    return { media: {}, mediaKeyOf: () => null, notices, warnings: [] };
  }
  const notices: string[] = [];
  const warnings: string[] = [];
  const warn = (message: string) => {
    notices.push(message);
    warnings.push(message);
  };
  const corpora = new RunCorpora();
  const corpusKeys = new Map<ConversationRecord, string>();
  const realRoots: string[] = [];
  const withoutCorpus = new Map<string, number>();
  const media: MediaMap = {};
  const seen = new Set<string>();
  let embeddedBytes = 0;
  let leftOverCap = 0;
  for (const conversation of conversations) {
    const corpus = await corpora.corpusOf(resolve(input, conversation.folder));
    if (!corpus.found) {
      withoutCorpus.set(corpus.reason, (withoutCorpus.get(corpus.reason) ?? 0) + 1);
      continue;
    }
    // A number, not the path: the report is shared, the machine's folders are not its business.
    let corpusIndex = realRoots.indexOf(corpus.realRoot);
    if (corpusIndex === -1) corpusIndex = realRoots.push(corpus.realRoot) - 1;
    corpusKeys.set(conversation, String(corpusIndex));
    for (const { turn, recsys } of conversation.chat) {
      if (recsys.track === null) continue;
      const key = mediaKey(String(corpusIndex), recsys.track.track_id);
      if (seen.has(key)) continue;
      seen.add(key);
      const where = `${join(conversation.folder, 'chat.json')}: turn ${turn} (track_id ${JSON.stringify(recsys.track.track_id)})`;
      const files = await trackMediaFiles(corpus.realRoot, recsys.track, where, warn);
      const bytes = (files.cover?.bytes ?? 0) + (files.audio?.bytes ?? 0);
      if (bytes === 0) continue;
      // Once a track does not fit, none after it is embedded: the tracks with media are the first ones.
      if (leftOverCap > 0 || embeddedBytes + bytes > options.maxBytes) {
        leftOverCap += 1;
        continue;
      }
      embeddedBytes += bytes;
      media[key] = { cover: await dataUri(files.cover), audio: await dataUri(files.audio) };
    }
  }
  for (const [reason, count] of withoutCorpus) {
    warn(`${count} conversation(s) shown without media: ${reason}.`);
  }
  if (leftOverCap > 0) {
    const embedded = Object.keys(media).length;
    warn(
      `Media of ${embedded} of ${embedded + leftOverCap} recommended tracks embedded: the others would pass ` +
        `${MAX_OPTION} ${options.maxBytes / 2 ** 20}.`,
    );
  }
  return {
    media,
    mediaKeyOf(conversation, trackId) {
      const corpusKey = corpusKeys.get(conversation);
      if (corpusKey === undefined) return null;
      const key = mediaKey(corpusKey, trackId);
      return Object.hasOwn(media, key) ? key : null;
    },
    notices,
    warnings,
  };
}

/** Track ids are unique within a corpus only: a run directory may hold runs of several corpora. */
function mediaKey(corpusKey: string, trackId: string): string {
  return `${corpusKey}:${trackId}`;
}

async function dataUri(file: MediaFile | null): Promise<string | null> {
  if (file === null) return null;
  return `data:${file.mimeType};base64,${(await readFile(file.path)).toString('base64')}`;
}
