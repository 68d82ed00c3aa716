import { describe, expect, it } from 'vitest';
import { mixToMono } from './mix-to-mono.js';
import { resample } from './resample.js';
import { rms, sine, zeroCrossingFrequency } from './testing/tones.js';

/** The largest difference from the ideal tone, sampled at `rate` from `startSeconds` on. */
function worstError(
  output: Float32Array,
  frequency: number,
  rate: number,
  startSeconds: number,
  amplitude: number,
) {
  let worst = 0;
  output.forEach((value, index) => {
    const ideal = amplitude * Math.sin(2 * Math.PI * frequency * (startSeconds + index / rate));
    worst = Math.max(worst, Math.abs(value - ideal));
  });
  return worst;
}

describe('mixToMono', () => {
  it('should average the channels, so opposite channels cancel and equal ones keep their level', () => {
    const tone = sine(1000, 44_100, 0.1);
    const inverted = tone.map((value) => -value);
    expect(rms(mixToMono([tone, inverted]))).toBe(0);
    expect(mixToMono([tone, tone])).toEqual(tone);
  });
});

describe('resample', () => {
  it('should turn a 1 kHz tone at 44.1 kHz stereo into 16 kHz mono of the right length and frequency', () => {
    const left = sine(1000, 44_100, 4);
    const right = sine(1000, 44_100, 4);
    // Three seconds from 0.5 s in, with the clip around them as the filter's context.
    const span = { start: 22_050, length: 3 * 44_100 };
    const output = resample(mixToMono([left, right]), 44_100, 16_000, span);
    expect(output).toHaveLength(3 * 16_000);
    expect(zeroCrossingFrequency(output, 16_000)).toBeCloseTo(1000, 0);
    // Sample for sample the tone as if recorded at 16 kHz: in the pass band, within 0.2% of full scale.
    expect(worstError(output, 1000, 16_000, 0.5, 0.5)).toBeLessThan(0.002);
  });

  it('should filter out what lies above the new Nyquist frequency instead of folding it down', () => {
    // Decimated without a low-pass, 12 kHz would alias to 4 kHz at full level.
    const output = resample(sine(12_000, 44_100, 1), 44_100, 16_000, { start: 4410, length: 35_280 });
    expect(rms(output)).toBeLessThan(0.0005);
  });

  it('should interpolate an 8 kHz clip up to 16 kHz without images', () => {
    const output = resample(sine(1000, 8000, 1), 8000, 16_000, { start: 800, length: 6400 });
    expect(output).toHaveLength(12_800);
    expect(worstError(output, 1000, 16_000, 0.1, 0.5)).toBeLessThan(0.002);
  });

  it('should keep a 48 kHz tone exact when the ratio is whole (one phase)', () => {
    const output = resample(sine(440, 48_000, 1), 48_000, 16_000, { start: 4800, length: 38_400 });
    expect(output).toHaveLength(12_800);
    expect(worstError(output, 440, 16_000, 0.1, 0.5)).toBeLessThan(0.002);
  });
});
