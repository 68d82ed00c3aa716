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
  const sent = {
    label: request.label,
    systemInstruction: request.systemInstruction ?? null,
    messages: request.messages.map(messageDigest),
    responseJsonSchema: request.responseJsonSchema ?? null,
  };
  return sha256(JSON.stringify(sent));
}
