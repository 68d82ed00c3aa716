import {
  type MediaKind,
  type MediaTypes,
  mediaExtensionsOf,
  mediaTypeOf,
  mediaTypeOfExtension,
} from '@tp2dg/entities';
import { MEGABYTE } from './input-limits.js';
import type { SniffedFormat, SniffedMedia } from './sniff-media.js';

type RefusalCode = 'INVALID_INPUT' | 'MEDIA_NOT_FOUND';

/** Whether a media file can be sent, and as what; a refusal says what is wrong and the fix. */
export type MediaVerdict =
  | {
      accepted: true;
      /** The type its content shows, which it is sent as. */
      mimeType: string;
      /** The extension that names that type, when the file's own names another (or none). */
      renameTo: string | undefined;
    }
  | { accepted: false; code: RefusalCode; problem: string; fix: string };

/**
 * file-type's names for formats that the media table lists under another extension: Ogg with
 * Opus or FLAC inside is sent as `audio/ogg` (what an `.ogg` name says too), MP4 audio brands
 * as m4a.
 */
const SNIFFED_ALIASES: Readonly<Record<string, string>> = { opus: 'ogg', oga: 'ogg', m4b: 'm4a', f4a: 'm4a' };

/** The model's type of what a file holds and the extension that names it, or undefined when the model takes no such format. */
function acceptedFormatOf(
  format: SniffedFormat,
  path: string,
  types: MediaTypes,
): { type: string; extension: string } | undefined {
  // Many tools write m4a with a generic MP4 brand (isom, mp42), which file-type calls video:
  // under an m4a name, it is the AAC audio the name says.
  const extension =
    format.ext === 'mp4' && mediaTypeOf(path, types) === mediaTypeOfExtension('m4a', types)
      ? 'm4a'
      : (SNIFFED_ALIASES[format.ext] ?? format.ext);
  const type = mediaTypeOfExtension(extension, types);
  return type === undefined ? undefined : { type, extension };
}

const megabytes = (bytes: number) => `${Number((bytes / MEGABYTE).toPrecision(3))} MB`;

/**
 * Judges a sniffed media file for one use (a track's audio clip or cover) against the size
 * cap of its kind: refused when it is not a file, empty, over the cap, or holds no format the
 * model takes as that kind (`types`, what its provider declares); accepted as the type its
 * content shows, in the provider's name for it, otherwise.
 */
export function judgeMedia(
  sniffed: SniffedMedia,
  path: string,
  kind: MediaKind,
  maxBytes: number,
  types: MediaTypes,
): MediaVerdict {
  const refuse = (problem: string, fix: string, code: RefusalCode = 'INVALID_INPUT') =>
    ({ accepted: false, code, problem, fix }) as const;
  const media = kind === 'audio' ? 'an audio clip' : 'a cover image';
  const formats = mediaExtensionsOf(kind, types).join(', ');
  if (!sniffed.isFile) return refuse('not a regular file', `Point it at ${media}.`, 'MEDIA_NOT_FOUND');
  if (sniffed.size === 0) return refuse('the file is empty (0 bytes)', `Replace it with ${media}.`);
  if (sniffed.size > maxBytes) {
    const option = kind === 'audio' ? '--max-audio-mb' : '--max-image-mb';
    const problem = `the file is ${megabytes(sniffed.size)}, over the ${megabytes(maxBytes)} cap for ${kind}`;
    return refuse(problem, `Use a smaller file (a shorter clip, a smaller image), or raise ${option}.`);
  }
  const { format } = sniffed;
  if (format === undefined) {
    const problem = 'its first bytes match no audio or image format (text, or a damaged file)';
    return refuse(problem, `Replace it with ${media} in one of: ${formats}.`);
  }
  const content = acceptedFormatOf(format, path, types);
  if (content === undefined) {
    const problem = `the file holds ${format.mime} (${format.ext}), a format the model does not take`;
    return refuse(problem, `Convert it to one of: ${formats}.`);
  }
  if (!content.type.startsWith(`${kind}/`)) {
    return refuse(`the file holds ${content.type}, not ${kind}`, `Point it at ${media}.`);
  }
  const named = mediaTypeOf(path, types) === content.type;
  return { accepted: true, mimeType: content.type, renameTo: named ? undefined : content.extension };
}
