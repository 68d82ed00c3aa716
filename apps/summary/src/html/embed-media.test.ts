import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEDIA_BYTES, recommending, track, writeCorpusRun } from '../test-corpus.js';
import { embedTrackMedia, type MediaOptions } from './embed-media.js';

const EMBED: MediaOptions = { mode: 'embed', maxBytes: 2 ** 20 };

function dataUri(mimeType: string, text: string): string {
  return `data:${mimeType};base64,${Buffer.from(text).toString('base64')}`;
}

const OK = track('t-ok', { audio_path: 'audio/ok.wav', image_path: 'images/ok.png' });
const OTHER = track('t-other', { audio_path: 'audio/other.wav' });

describe('embedTrackMedia', () => {
  it("should embed each distinct track's cover and audio once, from the corpus the run manifest names", async () => {
    const run = await writeCorpusRun();
    const first = recommending('user-1', [OK, OTHER]);
    const second = recommending('user-2', [OK]);
    const embedded = await embedTrackMedia(run.input, [first, second], EMBED);
    expect(embedded.media).toEqual({
      '0:t-ok': {
        cover: dataUri('image/png', MEDIA_BYTES.cover),
        audio: dataUri('audio/wav', MEDIA_BYTES.audio),
      },
      '0:t-other': { cover: null, audio: dataUri('audio/wav', MEDIA_BYTES.other) },
    });
    expect(embedded.mediaKeyOf(first, 't-ok')).toBe('0:t-ok');
    expect(embedded.mediaKeyOf(second, 't-ok')).toBe('0:t-ok');
    expect(embedded.mediaKeyOf(second, 't-unknown')).toBeNull();
    expect(embedded.warnings).toEqual([]);
    expect(embedded.notices).toEqual([]);
  });

  it('should prefer the MIME type the run found in the content, and refuse one of another kind', async () => {
    const run = await writeCorpusRun();
    const sniffed = track('t-ok', { audio_path: 'audio/ok.wav', audio_mime_type: 'audio/mp3' });
    const html = track('t-other', { audio_path: 'audio/other.wav', audio_mime_type: 'text/html' });
    const embedded = await embedTrackMedia(run.input, [recommending('user-1', [sniffed, html])], EMBED);
    expect(embedded.media['0:t-ok']?.audio).toBe(dataUri('audio/mp3', MEDIA_BYTES.audio));
    expect(embedded.media['0:t-other']).toBeUndefined();
    expect(embedded.warnings).toEqual([
      expect.stringContaining(
        'turn 2 (track_id "t-other"): audio_path "audio/other.wav": not a known audio type',
      ),
    ]);
  });

  it('should leave out, with a warning each, media paths that leave the corpus or lead nowhere', async () => {
    const run = await writeCorpusRun();
    const tracks = [
      track('t-climb', { audio_path: '../outside/secret.wav' }),
      track('t-absolute', { audio_path: join(run.outside, 'secret.wav') }),
      track('t-link', { audio_path: 'audio/link.wav' }),
      track('t-missing', { image_path: 'images/none.png' }),
    ];
    const conversation = recommending('user-1', tracks);
    const embedded = await embedTrackMedia(run.input, [conversation], EMBED);
    expect(embedded.media).toEqual({});
    const secret = Buffer.from(MEDIA_BYTES.secret).toString('base64');
    expect(JSON.stringify(embedded)).not.toContain(secret);
    expect(embedded.warnings).toHaveLength(4);
    const [climb, absolute, link, missing] = embedded.warnings;
    expect(climb).toMatch(
      /track_id "t-climb"\): audio_path "\.\.\/outside\/secret\.wav" resolves to .*outside the corpus/,
    );
    expect(absolute).toMatch(/track_id "t-absolute"\): audio_path .* outside the corpus/);
    expect(link).toMatch(
      /track_id "t-link"\): audio_path "audio\/link\.wav" resolves to .*secret\.wav, outside/,
    );
    expect(missing).toMatch(/track_id "t-missing"\): image_path "images\/none\.png": no file at/);
    expect(embedded.notices).toEqual(embedded.warnings);
    expect(embedded.mediaKeyOf(conversation, 't-link')).toBeNull();
  });

  it('should stop embedding at the size cap, keeping the first tracks whole, and say how many it kept', async () => {
    const run = await writeCorpusRun();
    const okBytes = MEDIA_BYTES.audio.length + MEDIA_BYTES.cover.length;
    const embedded = await embedTrackMedia(run.input, [recommending('user-1', [OK, OTHER])], {
      mode: 'embed',
      maxBytes: okBytes,
    });
    expect(Object.keys(embedded.media)).toEqual(['0:t-ok']);
    expect(embedded.warnings).toEqual([
      `Media of 1 of 2 recommended tracks embedded: the others would pass --html-media-max-mb ${okBytes / 2 ** 20}.`,
    ]);
  });

  it('should embed nothing with mode none, and say so without a warning, even of a corpus gone', async () => {
    const run = await writeCorpusRun('/no/such/corpus');
    const conversation = recommending('user-1', [OK]);
    const embedded = await embedTrackMedia(run.input, [conversation], { mode: 'none', maxBytes: 2 ** 20 });
    expect(embedded.media).toEqual({});
    expect(embedded.mediaKeyOf(conversation, 't-ok')).toBeNull();
    expect(embedded.notices).toEqual(['Media not embedded (--html-media none).']);
    expect(embedded.warnings).toEqual([]);
  });

  it('should show a run whose corpus is gone without media, and say which corpus', async () => {
    const run = await writeCorpusRun('/no/such/corpus');
    const conversations = [recommending('user-1', [OK]), recommending('user-2', [OTHER])];
    const embedded = await embedTrackMedia(run.input, conversations, EMBED);
    expect(embedded.media).toEqual({});
    expect(embedded.warnings).toEqual([
      '2 conversation(s) shown without media: the corpus their run read, /no/such/corpus, is no longer there.',
    ]);
  });
});
