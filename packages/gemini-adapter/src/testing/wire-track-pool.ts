import type { EmulatedGenerateBody } from './emulator-types.js';
import { findInUserTexts, jsonSchemaOf, userTextsLatestFirst } from './wire-request.js';

/** The Recsys priming lists the pool as `N. track_id: <id> | "Title" by ...` (track-parts.ts). */
const poolLine = /^\d+\. track_id: ([^|\n]+?)(?: \||$)/gm;
/** Each Recsys turn prompt (recsys-turn.md) names what it may not recommend again. */
const recommendedLine = /may not recommend again: (.*)$/m;

/** The pool's track ids in the order the priming message lists them. */
export function poolTrackIdsOf(body: EmulatedGenerateBody): string[] {
  const ids = userTextsLatestFirst(body)
    .reverse()
    .flatMap((text) => [...text.matchAll(poolLine)].map((match) => match[1] ?? ''));
  return [...new Set(ids)];
}

/** The ids the latest Recsys turn prompt says were already recommended. */
export function recommendedTrackIdsOf(body: EmulatedGenerateBody): string[] {
  const listed = findInUserTexts(body, recommendedLine)?.[1]?.trim() ?? '';
  return listed === '' || listed === '(none yet)' ? [] : listed.split(', ');
}

/**
 * Ids the Recsys may still choose: the JSON schema's enum when the request sends one,
 * else the pool minus what the turn prompt lists as recommended.
 */
export function remainingTrackIdsOf(body: EmulatedGenerateBody): string[] {
  const allowed = jsonSchemaOf(body)?.properties?.track_id?.enum;
  if (allowed !== undefined) return allowed;
  const recommended = new Set(recommendedTrackIdsOf(body));
  return poolTrackIdsOf(body).filter((id) => !recommended.has(id));
}
