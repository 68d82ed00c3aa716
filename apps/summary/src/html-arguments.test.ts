import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HTML_MEDIA_MAX_MB, htmlReportOptions } from './html-arguments.js';

describe('htmlReportOptions', () => {
  it('should write no HTML report without --html, and embed up to the default size with it', () => {
    expect(htmlReportOptions(undefined, undefined, undefined)).toBeUndefined();
    expect(htmlReportOptions('report.html', undefined, undefined)).toEqual({
      file: 'report.html',
      media: { mode: 'embed', maxBytes: DEFAULT_HTML_MEDIA_MAX_MB * 2 ** 20 },
    });
    expect(htmlReportOptions('report.html', 'none', 0.5)?.media).toEqual({ mode: 'none', maxBytes: 2 ** 19 });
  });

  it('should refuse an empty file name and a size that is not one', () => {
    for (const [file, maxMb] of [
      ['', undefined],
      ['r.html', -1],
      ['r.html', Number.NaN],
    ] as const) {
      const refused = () => htmlReportOptions(file, undefined, maxMb);
      expect(refused).toThrow(Tp2dgError);
      expect(refused).toThrow(/^--html(-media-max-mb)? /);
    }
  });
});
