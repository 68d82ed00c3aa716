import { describe, expect, it } from 'vitest';
import { TEST_MEDIA_TYPES } from '../test-prices.js';
import { MEGABYTE } from './input-limits.js';
import { judgeMedia } from './judge-media.js';
import type { SniffedFormat } from './sniff-media.js';

const CAP = 20 * MEGABYTE;
const file = (format: SniffedFormat | undefined, size = 1000) => ({ isFile: true, size, format });
const wav = { ext: 'wav', mime: 'audio/wav' };
const mp3 = { ext: 'mp3', mime: 'audio/mpeg' };
const png = { ext: 'png', mime: 'image/png' };

describe('judgeMedia', () => {
  it('should accept a supported format under its own name, as the type Gemini lists', () => {
    expect(judgeMedia(file(wav), '/c/a.wav', 'audio', CAP, TEST_MEDIA_TYPES)).toEqual({
      accepted: true,
      mimeType: 'audio/wav',
      renameTo: undefined,
    });
    expect(judgeMedia(file(mp3), '/c/a.MP3', 'audio', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      mimeType: 'audio/mp3',
      renameTo: undefined,
    });
  });

  it('should accept a supported format under a wrong or unknown name as its real type, saying what to rename it to', () => {
    expect(judgeMedia(file(mp3), '/c/a.wav', 'audio', CAP, TEST_MEDIA_TYPES)).toEqual({
      accepted: true,
      mimeType: 'audio/mp3',
      renameTo: 'mp3',
    });
    expect(judgeMedia(file(png), '/c/cover.jpg', 'image', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      mimeType: 'image/png',
      renameTo: 'png',
    });
    expect(judgeMedia(file(wav), '/c/a.bin', 'audio', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      mimeType: 'audio/wav',
      renameTo: 'wav',
    });
  });

  it('should take Ogg Opus as ogg and a generic MP4 brand under an m4a name as the AAC it says', () => {
    const opus = { ext: 'opus', mime: 'audio/ogg; codecs=opus' };
    expect(judgeMedia(file(opus), '/c/a.ogg', 'audio', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      mimeType: 'audio/ogg',
      renameTo: undefined,
    });
    const mp4 = { ext: 'mp4', mime: 'video/mp4' };
    expect(judgeMedia(file(mp4), '/c/a.m4a', 'audio', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      mimeType: 'audio/aac',
      renameTo: undefined,
    });
    expect(judgeMedia(file(mp4), '/c/a.wav', 'audio', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      accepted: false,
    });
  });

  it('should refuse an empty file, a file over the cap and something that is not a file', () => {
    expect(judgeMedia(file(undefined, 0), '/c/a.wav', 'audio', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      accepted: false,
      code: 'INVALID_INPUT',
      problem: 'the file is empty (0 bytes)',
    });
    expect(
      judgeMedia(file(png, 8 * MEGABYTE), '/c/a.png', 'image', 7 * MEGABYTE, TEST_MEDIA_TYPES),
    ).toMatchObject({
      accepted: false,
      problem: 'the file is 8 MB, over the 7 MB cap for image',
      fix: expect.stringContaining('raise --max-image-mb'),
    });
    expect(
      judgeMedia({ isFile: false, size: 0, format: undefined }, '/c/a.wav', 'audio', CAP, TEST_MEDIA_TYPES),
    ).toMatchObject({
      accepted: false,
      code: 'MEDIA_NOT_FOUND',
    });
  });

  it('should refuse content in no format, in a format the model does not take, or of the other kind', () => {
    expect(judgeMedia(file(undefined), '/c/a.wav', 'audio', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      accepted: false,
      problem: expect.stringContaining('match no audio or image format'),
      fix: expect.stringContaining('wav, mp3'),
    });
    expect(
      judgeMedia(file({ ext: 'mid', mime: 'audio/midi' }), '/c/a.mid', 'audio', CAP, TEST_MEDIA_TYPES),
    ).toMatchObject({
      accepted: false,
      problem: 'the file holds audio/midi (mid), a format the model does not take',
    });
    expect(judgeMedia(file(png), '/c/a.wav', 'audio', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      accepted: false,
      problem: 'the file holds image/png, not audio',
    });
    expect(judgeMedia(file(wav), '/c/a.png', 'image', CAP, TEST_MEDIA_TYPES)).toMatchObject({
      accepted: false,
    });
  });
});
