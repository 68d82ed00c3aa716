import type { Session } from '@tp2dg/entities';

/** Turns a conversation can have: never more than the pool, since no track is recommended twice. */
export function conversationTurnCount(turnsRequested: number, session: Session): number {
  return Math.min(turnsRequested, session.pool_tracks.length);
}
