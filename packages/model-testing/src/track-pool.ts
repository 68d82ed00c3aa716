import { findInUserTexts, type PromptText, userTextsLatestFirst } from './prompt-text.js';

/** The Recsys priming lists the pool as `N. track_id: <id> | "Title" by ...` (track-parts.ts). */
const poolLine = /^\d+\. track_id: ([^|\n]+?)(?: \||$)/gm;
/** Each Recsys turn prompt (recsys-turn.md) names what it may not recommend again. */
const recommendedLine = /may not recommend again: (.*)$/m;

/** The pool's track ids in the order the priming message lists them. */
export function poolTrackIdsOf(prompt: PromptText): string[] {
  const ids = userTextsLatestFirst(prompt)
    .reverse()
    .flatMap((text) => [...text.matchAll(poolLine)].map((match) => match[1] ?? ''));
  return [...new Set(ids)];
}

/** The ids the latest Recsys turn prompt says were already recommended. */
export function recommendedTrackIdsOf(prompt: PromptText): string[] {
  const listed = findInUserTexts(prompt, recommendedLine)?.[1]?.trim() ?? '';
  return listed === '' || listed === '(none yet)' ? [] : listed.split(', ');
}

/**
 * Ids the Recsys may still choose: the JSON schema's enum when the request sends one,
 * else the pool minus what the turn prompt lists as recommended.
 */
export function remainingTrackIdsOf(prompt: PromptText): string[] {
  const allowed = prompt.replySchema?.properties?.track_id?.enum;
  if (allowed !== undefined) return allowed;
  const recommended = new Set(recommendedTrackIdsOf(prompt));
  return poolTrackIdsOf(prompt).filter((id) => !recommended.has(id));
}
