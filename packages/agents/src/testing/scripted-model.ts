import { type FinishReason, type ModelPort, type ModelRequest, ZERO_USAGE } from '@tp2dg/entities';

export type ScriptedReply = string | { text: string; finishReason: FinishReason };

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
      const { text, finishReason } =
        typeof reply === 'string' ? { text: reply, finishReason: 'STOP' as const } : reply;
      return { text, finishReason, usage: ZERO_USAGE };
    },
  };
}
