import { judgeReply } from '@tp2dg/agents';
import { type Judgement, type ModelPart, type ModelPort, type TokenUsage, Tp2dgError } from '@tp2dg/entities';
import { JUDGE_REPLY_JSON_SCHEMA, JUDGE_REPLY_KEYS, JudgeReplySchema } from './judge-reply.js';
import { JudgeReplyError } from './judge-reply-error.js';
import type { JudgeTemplateName } from './judge-templates.js';

/** What every judgement of one conversation shares. */
export interface JudgeContext {
  sessionId: string;
  model: ModelPort;
  systemInstruction: string;
  /**
   * Requests per judgement, the first included. The reply's form is held by the JSON schema the
   * service is sent, so a reply that still cannot be used is a bad draw: the same request goes
   * again, as a new attempt, rather than a re-ask explaining the problem.
   */
  maxAttempts: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Told of every answered call: what the evaluation of the conversation used. */
  onCall: (usage: TokenUsage) => void;
}

export interface JudgementRequest {
  rubric: Judgement['rubric'];
  /** The turn judged; null for a rubric of the whole conversation. */
  turn: number | null;
  template: JudgeTemplateName;
  /** The rubric rendered and the media it needs, then the reply instructions. */
  parts: ModelPart[];
}

/** One judge call, until a usable score; throws `JudgeReplyError` when none came. */
export async function askJudge(context: JudgeContext, request: JudgementRequest): Promise<Judgement> {
  const { rubric, turn, template, parts } = request;
  for (let attempt = 1; ; attempt += 1) {
    const label = { agent: 'judge' as const, turn, template, attempt };
    const result = await context.model
      .generate({
        label,
        systemInstruction: context.systemInstruction,
        messages: [{ role: 'user', parts }],
        responseJsonSchema: JUDGE_REPLY_JSON_SCHEMA,
        timeoutMs: context.timeoutMs,
        signal: context.signal,
      })
      .catch((error: unknown) => {
        throw judgeCallError(error, rubric, turn, attempt);
      });
    context.onCall(result.usage);
    const judged = judgeReply(result, { schema: JudgeReplySchema }, JUDGE_REPLY_KEYS, 'json');
    if (judged.ok) return { rubric, turn, ...judged.value, attempts: attempt };
    if (attempt >= context.maxAttempts) {
      throw new JudgeReplyError(context.sessionId, rubric, turn, attempt, judged.rejection);
    }
  }
}

/**
 * A model call that failed, said with the judgement it was for. An output that cannot be written
 * (a journal append inside the call) is the machine's fault and already names the file: it goes on
 * unchanged, as it does from the agents.
 */
function judgeCallError(error: unknown, rubric: string, turn: number | null, attempt: number): unknown {
  if (Tp2dgError.isInstance(error) && error.code === 'OUTPUT_WRITE') return error;
  const code = Tp2dgError.isInstance(error) ? error.code : 'MODEL_API';
  const where = `${rubric} judge${turn === null ? '' : `, turn ${turn}`}, attempt ${attempt}`;
  const reason = error instanceof Error ? error.message : String(error);
  return new Tp2dgError(code, `${where}: model call failed: ${reason}`, { cause: error });
}
