/** Size of the canonical PCM WAV header. */
export const WAV_HEADER_BYTES = 44;

const BYTES_PER_SAMPLE = 2;

/**
 * A 16-bit PCM WAV file of `channels` (floats in [-1, 1], clamped; as long as the shortest).
 * The 44-byte header is a dozen fixed fields, written by hand.
 */
export function encodePcm16Wav(channels: readonly Float32Array[], sampleRate: number): Buffer {
  const frames = Math.min(...channels.map((channel) => channel.length));
  const blockAlign = channels.length * BYTES_PER_SAMPLE;
  const dataBytes = frames * blockAlign;
  const wav = Buffer.alloc(WAV_HEADER_BYTES + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size for PCM
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(channels.length, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * blockAlign, 28); // byte rate
  wav.writeUInt16LE(blockAlign, 32);
  wav.writeUInt16LE(8 * BYTES_PER_SAMPLE, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  channels.forEach((channel, channelIndex) => {
    for (let frame = 0; frame < frames; frame += 1) {
      const clamped = Math.max(-1, Math.min(1, channel[frame] as number));
      const offset = WAV_HEADER_BYTES + frame * blockAlign + channelIndex * BYTES_PER_SAMPLE;
      wav.writeInt16LE(Math.round(clamped * 32767), offset);
    }
  });
  return wav;
}
