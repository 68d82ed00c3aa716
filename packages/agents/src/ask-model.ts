import {
  type AgentName,
  dataLabel,
  type ModelMessage,
  type ModelPart,
  type ModelResult,
  Tp2dgError,
} from '@tp2dg/entities';
import type { PromptName } from '@tp2dg/prompts';
import type { AgentContext } from './agent-context.js';
import { AgentReplyError } from './agent-reply-error.js';
import { judgeReply } from './reply/judge-reply.js';
import { type ReplySpec, toResponseSchema } from './reply/reply-spec.js';

/** The template label of a request sent again unchanged after an empty or blocked reply. */
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

/** A usable reply, and the history that now holds the whole exchange, re-asks included. */
export interface AskAnswer<T> {
  value: T;
  history: ModelMessage[];
}

/**
 * Sends one message and reads the reply. An unusable reply is re-asked up to `maxReasks` times
 * with the problem stated; a blocked one is sent again unchanged up to `maxBlockedRetries` times,
 * apart from the re-asks. Every attempt is recorded, and each has its own attempt number, so a
 * resend is a request of its own for the journal and the model's seed. The returned history holds
 * the whole exchange, re-asks included, so a chat continues from what was really said.
 * Throws `AgentReplyError` when no attempt gave a usable reply.
 */
export async function askModel<T>(context: AgentContext, options: AskOptions<T>): Promise<AskAnswer<T>> {
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
  // The label of a later attempt says what was sent: a `reask` message, or the same request again.
  let template: string = options.template;
  let reasks = 0;
  let blockedResends = 0;

  for (let attempt = 1; ; attempt += 1) {
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
    const result = await callModel(context, request, options.agent, started);
    const judged = judgeReply(result, options.reply, keys, context.responseFormat);
    context.onCall({
      agent: options.agent,
      turn: options.turn,
      template: label.template,
      attempt,
      ...dataLabel(context.model.provider),
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
      ...(result.providerMetadata === undefined ? {} : { provider_metadata: result.providerMetadata }),
      latency_ms: Math.max(0, context.now() - started),
      retries: [...(result.retries ?? [])],
      ...(result.serviceTier === undefined ? {} : { service_tier: result.serviceTier }),
    });
    if (judged.ok) {
      messages.push({ role: 'model', parts: [{ kind: 'text', text: result.text }] });
      return { value: judged.value, history: messages };
    }
    const { rejection } = judged;
    const blocked = rejection.code === 'BLOCKED';
    if (blocked ? blockedResends === context.maxBlockedRetries : reasks === context.maxReasks) {
      const callSite = { agent: options.agent, turn: options.turn };
      throw new AgentReplyError(context.sessionId, callSite, attempt, rejection);
    }
    if (blocked) {
      // A block says nothing about the request's form: it goes again as it was, and the blocked
      // reply, whatever text came with it, never enters the history.
      blockedResends += 1;
      template = RESEND_LABEL;
    } else if (result.text.trim() === '') {
      // A provider may refuse a model turn without text: the same request is sent again instead.
      reasks += 1;
      template = RESEND_LABEL;
    } else {
      reasks += 1;
      template = 'reask';
      const reask = context.prompts.render('reask', { problem: rejection.problem, fields: keys.join(', ') });
      messages.push(
        { role: 'model', parts: [{ kind: 'text', text: result.text }] },
        { role: 'user', parts: [{ kind: 'text', text: reask }] },
      );
    }
  }
}

async function callModel(
  context: AgentContext,
  request: Parameters<AgentContext['model']['generate']>[0],
  agent: AgentName,
  started: number,
): Promise<ModelResult> {
  try {
    return await context.model.generate(request);
  } catch (error) {
    // The output could not be written (a journal append happens inside the call): the
    // machine is at fault, not the model, and the error already names the file and the fix.
    if (Tp2dgError.isInstance(error) && error.code === 'OUTPUT_WRITE') throw error;
    const label = request.label;
    const where = `${agent} agent${label.turn === null ? '' : `, turn ${label.turn}`}, attempt ${label.attempt}`;
    const elapsed = `after ${Math.round(context.now() - started)} ms`;
    const code = Tp2dgError.isInstance(error) ? error.code : 'MODEL_API';
    const reason = error instanceof Error ? error.message : String(error);
    const callSite = { agent, turn: label.turn };
    throw new Tp2dgError(code, `${where}: model call failed ${elapsed}: ${reason}`, {
      cause: error,
      callSite,
    });
  }
}
