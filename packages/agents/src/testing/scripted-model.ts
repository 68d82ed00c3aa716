import { type ModelPort, type ModelRequest, type ModelResult, ZERO_USAGE } from '@tp2dg/entities';

export type ScriptedReply = string | Pick<ModelResult, 'text' | 'finishReason' | 'providerMetadata'>;

/** A model port that answers from a script and keeps every request it was sent. */
export function scriptedModel(replies: ScriptedReply[]): ModelPort & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    provider: 'scripted',
    model: 'scripted',
    requests,
    async generate(request) {
      requests.push(request);
      const reply = replies.shift() ?? '';
      return {
        ...(typeof reply === 'string' ? { text: reply, finishReason: 'stop' } : reply),
        usage: ZERO_USAGE,
      };
    },
  };
}
