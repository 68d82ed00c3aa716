import {
  type AgentName,
  type ModelMessage,
  type ModelPart,
  type ModelResult,
  Tp2dgError,
} from '@tp2dg/entities';
import type { PromptName } from '@tp2dg/prompts';
import type { AgentContext } from './agent-context.js';
import { judgeReply } from './reply/judge-reply.js';
import { type ReplyRejection, type ReplySpec, toResponseSchema } from './reply/reply-spec.js';

/** The template label of a request sent again unchanged after an empty reply. */
export const RESEND_LABEL = 'resend';

export interface AskOptions<T> {
  agent: AgentName;
  turn: number | null;
  template: PromptName;
  systemInstruction?: string;
  /** Earlier messages of a chat; empty for a one-shot call. */
  history: readonly ModelMessage[];
  parts: ModelPart[];
  reply: ReplySpec<T>;
}

export type AskOutcome<T> =
  | { ok: true; value: T; history: ModelMessage[] }
  | { ok: false; rejection: ReplyRejection; history: ModelMessage[] };

/**
 * Sends one message and reads the reply, re-asking up to `maxReasks` times with the
 * problem stated. Every attempt is recorded. The returned history holds the whole
 * exchange, re-asks included, so a chat continues from what was really said.
 */
export async function askModel<T>(context: AgentContext, options: AskOptions<T>): Promise<AskOutcome<T>> {
  const keys = context.prompts.get(options.template).reply;
  const jsonSchema =
    keys.length > 0 && context.responseFormat === 'json'
      ? toResponseSchema(options.reply.responseSchema?.() ?? options.reply.schema)
      : undefined;
  const formatParts: ModelPart[] =
    keys.length > 0
      ? [
          {
            kind: 'text',
            text: context.prompts.render(`reply-format-${context.responseFormat}`, {
              fields: keys.join(', '),
            }),
          },
        ]
      : [];
  const messages: ModelMessage[] = [
    ...options.history,
    { role: 'user', parts: [...options.parts, ...formatParts] },
  ];
  let rejection: ReplyRejection = { code: 'EMPTY_RESPONSE', problem: 'no reply' };
  // The label of a later attempt says what was sent: a `reask` message, or the same request again.
  let template: string = options.template;

  for (let attempt = 1; attempt <= context.maxReasks + 1; attempt += 1) {
    const label = { agent: options.agent, turn: options.turn, template, attempt };
    const request = {
      label,
      systemInstruction: options.systemInstruction,
      messages: [...messages],
      responseJsonSchema: jsonSchema,
      timeoutMs: context.timeoutMs,
      signal: context.signal,
    };
    const started = context.now();
    const result = await callModel(context, request, started);
    const judged = judgeReply(result, options.reply, keys, context.responseFormat);
    context.onCall({
      agent: options.agent,
      turn: options.turn,
      template: label.template,
      attempt,
      provider: context.model.provider,
      model: context.model.model,
      request: {
        system_instruction: options.systemInstruction ?? null,
        messages: request.messages,
        response_json_schema: jsonSchema ?? null,
      },
      response_text: result.text,
      response_code: judged.ok ? 'SUCCESS' : judged.rejection.code,
      problem: judged.ok ? null : judged.rejection.problem,
      usage: result.usage,
      finish_reason: result.finishReason,
      latency_ms: Math.max(0, context.now() - started),
      retries: [...(result.retries ?? [])],
    });
    // Gemini refuses a model turn without text, so an empty reply never enters the history:
    // the same request is simply sent again.
    const empty = result.text.trim() === '';
    if (!empty) messages.push({ role: 'model', parts: [{ kind: 'text', text: result.text }] });
    if (judged.ok) return { ok: true, value: judged.value, history: messages };
    rejection = judged.rejection;
    // A blocked prompt stays blocked: asking again only pays for the same refusal. A reply
    // blocked on its way out (SAFETY) is sent again: another sample may well pass.
    if (result.finishReason === 'BLOCKED' || attempt > context.maxReasks) break;
    template = empty ? RESEND_LABEL : 'reask';
    if (empty) continue;
    const reask = context.prompts.render('reask', { problem: rejection.problem, fields: keys.join(', ') });
    messages.push({ role: 'user', parts: [{ kind: 'text', text: reask }] });
  }
  return { ok: false, rejection, history: messages };
}

async function callModel(
  context: AgentContext,
  request: Parameters<AgentContext['model']['generate']>[0],
  started: number,
): Promise<ModelResult> {
  try {
    return await context.model.generate(request);
  } catch (error) {
    // The output could not be written (a journal append happens inside the call): the
    // machine is at fault, not the model, and the error already names the file and the fix.
    if (Tp2dgError.isInstance(error) && error.code === 'OUTPUT_WRITE') throw error;
    const label = request.label;
    const where = `${label.agent} agent${label.turn === null ? '' : `, turn ${label.turn}`}, attempt ${label.attempt}`;
    const elapsed = `after ${Math.round(context.now() - started)} ms`;
    const code = Tp2dgError.isInstance(error) ? error.code : 'MODEL_API';
    const reason = error instanceof Error ? error.message : String(error);
    const callSite = { agent: label.agent, turn: label.turn };
    throw new Tp2dgError(code, `${where}: model call failed ${elapsed}: ${reason}`, {
      cause: error,
      callSite,
    });
  }
}
