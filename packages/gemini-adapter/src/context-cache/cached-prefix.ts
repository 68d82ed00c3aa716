import type { ModelRequest } from '@tp2dg/entities';

/**
 * How many parts of a chat's first message go into its explicit cache, after the system
 * instruction: up to and including its last media part (the Recsys pool, the Listener's liked
 * tracks), but never every part, since a request must send contents of its own (Gemini refuses
 * empty ones): a priming message that ends on a cover sends that cover. 0 when the request has
 * no prefix worth a cache: a one-shot call (turn null), which no later call repeats, or a first
 * message without media.
 */
export function cachedPartCount(request: Pick<ModelRequest, 'label' | 'messages'>): number {
  const first = request.messages[0];
  if (request.label.turn === null || first?.role !== 'user') return 0;
  const lastFile = first.parts.findLastIndex((part) => part.kind === 'file');
  return lastFile < 0 ? 0 : Math.min(lastFile + 1, first.parts.length - 1);
}
