import { createHash } from 'node:crypto';
import type { ModelMessage, ModelRequest } from '@tp2dg/entities';

/**
 * Digests of messages already keyed. Each call re-sends the whole history, so hashing it
 * again would grow with the conversation; a sent message is never changed afterwards.
 */
const messageDigests = new WeakMap<ModelMessage, string>();

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function messageDigest(message: ModelMessage): string {
  let digest = messageDigests.get(message);
  if (digest === undefined) {
    digest = sha256(JSON.stringify(message));
    messageDigests.set(message, digest);
  }
  return digest;
}

/**
 * Identifies a request by who asks (agent, turn, template, attempt) and everything sent.
 * A resumed conversation rebuilds the same requests from the same replies, so a key found
 * in the journal means that exact call was already answered and paid for.
 */
export function requestKey(request: ModelRequest): string {
  const { label, systemInstruction, responseJsonSchema } = request;
  // The system instruction goes in raw instead of through JSON.stringify: it is sent with every
  // call, and escaping it cost more than hashing it. The head says how many fixed-length message
  // digests follow it, so where the instruction ends is never in doubt.
  const head = JSON.stringify([
    label,
    responseJsonSchema ?? null,
    systemInstruction === undefined,
    request.messages.length,
  ]);
  const hash = createHash('sha256')
    .update(head)
    .update(systemInstruction ?? '');
  for (const message of request.messages) hash.update(messageDigest(message));
  return hash.digest('hex');
}
