import { PartMediaResolutionLevel } from '@google/genai';
import type { MediaResolution } from '@tp2dg/entities';

const LEVELS: Record<MediaResolution, PartMediaResolutionLevel> = {
  low: PartMediaResolutionLevel.MEDIA_RESOLUTION_LOW,
  medium: PartMediaResolutionLevel.MEDIA_RESOLUTION_MEDIUM,
  high: PartMediaResolutionLevel.MEDIA_RESOLUTION_HIGH,
};

/** The wire level of a media resolution, as a part's `mediaResolution.level` carries it. */
export function partMediaResolutionLevel(resolution: MediaResolution): PartMediaResolutionLevel {
  return LEVELS[resolution];
}

/** The media resolution a part's wire level asks for; undefined for none or one tp2dg never sends. */
export function mediaResolutionOfLevel(level: unknown): MediaResolution | undefined {
  const found = Object.entries(LEVELS).find(([, wire]) => wire === level);
  return found?.[0] as MediaResolution | undefined;
}
