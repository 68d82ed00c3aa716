import { createHash } from 'node:crypto';
import type { ModelRequest } from '@tp2dg/entities';

/**
 * Identifies a request by who asks (agent, turn, template, attempt) and everything sent.
 * A resumed conversation rebuilds the same requests from the same replies, so a key found
 * in the journal means that exact call was already answered and paid for.
 */
export function requestKey(request: ModelRequest): string {
  const sent = {
    label: request.label,
    systemInstruction: request.systemInstruction ?? null,
    messages: request.messages,
    responseJsonSchema: request.responseJsonSchema ?? null,
  };
  return createHash('sha256').update(JSON.stringify(sent)).digest('hex');
}
