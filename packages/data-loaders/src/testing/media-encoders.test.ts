import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeMp3Frames } from './mp3-frames.js';
import { crc32, encodePng } from './png-encoder.js';
import { encodeWav } from './wav-encoder.js';

describe('encodeWav', () => {
  it('should write a 44-byte PCM 16-bit mono header followed by clamped samples', () => {
    const wav = encodeWav({ sampleRate: 8000, samples: Float32Array.from([0, 1, -1, 2]) });
    expect(wav.length).toBe(44 + 8);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([
      1, 1, 8000, 16,
    ]);
    expect(wav.readUInt32LE(40)).toBe(8);
    expect([0, 1, 2, 3].map((index) => wav.readInt16LE(44 + index * 2))).toEqual([0, 32767, -32767, 32767]);
  });
});

describe('encodePng', () => {
  it('should compute the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('should write a valid RGB PNG whose pixels inflate back', () => {
    const pixels = Uint8Array.from({ length: 2 * 2 * 3 }, (_, index) => index * 10);
    const png = encodePng({ width: 2, height: 2, pixels });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([2, 2, 8, 2]);
    expect(png.readUInt32BE(29)).toBe(crc32(png.subarray(12, 29)));
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...raw]).toEqual([0, ...pixels.subarray(0, 6), 0, ...pixels.subarray(6)]);
    expect(png.toString('ascii', png.length - 8, png.length - 4)).toBe('IEND');
  });

  it('should reject a pixel buffer of the wrong size', () => {
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(5) })).toThrow(RangeError);
  });
});

describe('encodeMp3Frames', () => {
  it('should start a frame with an MPEG-1 Layer III header every 417 bytes', () => {
    const mp3 = encodeMp3Frames(3);
    expect(mp3.length).toBe(3 * 417);
    for (const offset of [0, 417, 834]) expect(mp3.readUInt32BE(offset)).toBe(0xfffb9064);
    expect(mp3.subarray(4, 417).every((byte) => byte === 0)).toBe(true);
  });
});
