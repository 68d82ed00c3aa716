import { createHash } from 'node:crypto';
import { estimateSimulatedUsage } from '@tp2dg/agents';
import { type ModelPort, type ModelRequest, SIMULATED_PROVIDER, Tp2dgError } from '@tp2dg/entities';

/** Opens every simulated rationale, so no score of it passes for a judgement. */
export const SIMULATED_RATIONALE =
  'Simulated judge, not a model: this score is drawn from a hash of the request.';

/**
 * An offline stand-in for a judge, for dry runs and tests: each reply is a valid score, the same
 * for the same request on any machine (drawn from a hash of the request's label and text, not its
 * media paths), and says in its rationale that it is simulated; `eval.json` is labelled
 * `simulated: true` besides. Its usage is an estimate at a typical multimodal model's rates.
 */
export function createSimulatedJudge(): ModelPort {
  return {
    provider: SIMULATED_PROVIDER,
    model: SIMULATED_PROVIDER,
    async generate(request) {
      if (request.signal?.aborted) throw new Tp2dgError('ABORTED', 'simulated judge: the call was aborted');
      const score = 1 + ((requestDigest(request)[0] as number) % 4);
      const text = JSON.stringify({ score, rationale: `${SIMULATED_RATIONALE} (${score} of 4)` });
      return { text, usage: estimateSimulatedUsage(request, text), finishReason: 'stop' };
    },
  };
}

function requestDigest(request: ModelRequest): Buffer {
  const texts = request.messages.flatMap((message) =>
    message.parts.flatMap((part) => (part.kind === 'text' ? [part.text] : [])),
  );
  return createHash('sha256')
    .update(JSON.stringify([request.label.template, request.label.turn, texts]))
    .digest();
}
