import type { SnippetSettings } from './snippet-settings.js';

/** The part of a clip a snippet covers, in samples of the clip. */
export interface SampleSpan {
  start: number;
  length: number;
}

/**
 * Where the snippet lies in a clip of `clipSamples` samples: `settings.seconds` long (the
 * whole clip when it is shorter), starting where `settings.offset` says, and never running
 * past the end (a late offset takes the last `settings.seconds`).
 */
export function snippetSpan(clipSamples: number, sampleRate: number, settings: SnippetSettings): SampleSpan {
  const length = Math.min(clipSamples, Math.round(settings.seconds * sampleRate));
  const latestStart = clipSamples - length;
  const { offset } = settings;
  const start =
    offset === 'start'
      ? 0
      : offset === 'middle'
        ? Math.floor(latestStart / 2)
        : Math.min(latestStart, Math.round(offset * sampleRate));
  return { start, length };
}

/**
 * The seconds a snippet of a clip of `clipSeconds` holds, whatever its offset: what the model
 * hears and is billed for, known from the clip's header before anything is decoded.
 */
export function snippetSeconds(clipSeconds: number, settings: SnippetSettings): number {
  return Math.min(clipSeconds, settings.seconds);
}
