import { formatReply } from '@tp2dg/model-testing';
import type { EmulatedGenerateBody, EmulatedSuccess } from './emulator-types.js';
import { replyFormatOf } from './wire-request.js';
import { poolTrackIdsOf, recommendedTrackIdsOf } from './wire-track-pool.js';

/** A candidate stopped by the safety filter: no content at all, as the service sends it. */
export function blockedReply(): EmulatedSuccess {
  return { finishReason: 'SAFETY' };
}

/**
 * Prose without a single `key: value` line: neither JSON nor a YAML mapping, and nothing
 * a lenient key-value reader could pick up either.
 */
export function malformedReply(): EmulatedSuccess {
  return { text: 'Sure! I would love to help with that, I think the calmer songs suit the evening best.' };
}

/**
 * A well-formed Recsys reply naming a track it may not: every other one repeats an id
 * already recommended (when there is one), the rest invent an id outside the pool.
 */
export function wrongTrackIdReply(body: EmulatedGenerateBody, occurrence: number): EmulatedSuccess {
  const recommended = recommendedTrackIdsOf(body);
  const pool = poolTrackIdsOf(body);
  const repeat = occurrence % 2 === 0 ? recommended[0] : undefined;
  let invented = `not-in-pool-${occurrence}`;
  while (pool.includes(invented)) invented = `${invented}x`;
  const fields = {
    thought: 'This one fits best, I am sure of it.',
    track_id: repeat ?? invented,
    message: 'Here is a track I think you will like.',
  };
  return { text: formatReply(fields, replyFormatOf(body)) };
}
