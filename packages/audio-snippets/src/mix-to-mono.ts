/**
 * The channels averaged sample by sample: what a mono listener hears of the mix. Averaging,
 * not summing, keeps a full-scale stereo clip within [-1, 1].
 */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  const [first] = channels;
  if (first === undefined) return new Float32Array(0);
  if (channels.length === 1) return first;
  const length = Math.min(...channels.map((channel) => channel.length));
  const mono = new Float32Array(length);
  for (const channel of channels) {
    for (let index = 0; index < length; index += 1)
      mono[index] = (mono[index] as number) + (channel[index] as number);
  }
  const scale = 1 / channels.length;
  for (let index = 0; index < length; index += 1) mono[index] = (mono[index] as number) * scale;
  return mono;
}
