import { Tp2dgError } from '@tp2dg/entities';
import type { HtmlReportOptions } from './html/html-report.js';

/**
 * Enough for the covers and clips of a few hundred tracks (a Music4All clip is about 0.5 MB),
 * and a file a browser still opens quickly: media go in as base64, a third larger.
 */
export const DEFAULT_HTML_MEDIA_MAX_MB = 50;

/** The HTML report's options from the command line; undefined without `--html`. */
export function htmlReportOptions(
  file: string | undefined,
  media: 'embed' | 'none' | undefined,
  maxMb: number | undefined,
): HtmlReportOptions | undefined {
  if (file === undefined) return undefined;
  if (file === '') throw new Tp2dgError('INVALID_ARGUMENT', '--html needs a file name');
  const max = maxMb ?? DEFAULT_HTML_MEDIA_MAX_MB;
  if (!Number.isFinite(max) || max < 0) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--html-media-max-mb must be a number of MB, 0 or more (got ${maxMb})`,
    );
  }
  return { file, media: { mode: media ?? 'embed', maxBytes: Math.floor(max * 2 ** 20) } };
}
