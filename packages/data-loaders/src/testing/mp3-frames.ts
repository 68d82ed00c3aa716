/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no CRC, no padding. */
const FRAME_HEADER = 0xfffb9064;
/** 144 x 128,000 / 44,100 bytes, rounded down as the standard says for unpadded frames. */
const FRAME_BYTES = 417;

/**
 * An MP3 stream of `frames` frames (1,152 samples, about 26 ms, each) whose audio data is all
 * zeros: real frame headers, enough for a format sniffer and a duration reader, without an
 * encoder. For tests that need an MP3, e.g. one saved under a `.wav` name.
 */
export function encodeMp3Frames(frames: number): Buffer {
  const stream = Buffer.alloc(frames * FRAME_BYTES);
  for (let frame = 0; frame < frames; frame += 1) stream.writeUInt32BE(FRAME_HEADER, frame * FRAME_BYTES);
  return stream;
}
