import {
  type AgentName,
  type ModelMessage,
  type ModelPart,
  type ModelResult,
  type ResponseCode,
  Tp2dgError,
} from '@tp2dg/entities';
import type { PromptName } from '@tp2dg/prompts';
import { z } from 'zod';
import type { AgentContext } from './agent-context.js';
import { type ParsedReply, parseReply } from './reply/parse-reply.js';

/** A reply that parsed but breaks a rule only the caller knows (a track outside the pool ...). */
export interface ReplyRejection {
  code: ResponseCode;
  problem: string;
}

export interface ReplySpec<T> {
  /** Parses the reply; loose enough that rule breaches reach `check` and get their own code. */
  schema: z.ZodType<T>;
  /** Sent to the model in JSON mode when stricter than `schema` (an enum of allowed ids). */
  responseSchema?: z.ZodType;
  /** Returns a rejection to re-ask with, or undefined to accept. */
  check?: (value: T) => ReplyRejection | undefined;
}

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

/** For priming messages, whose template expects no fields: any non-empty text acknowledges. */
export const ACKNOWLEDGEMENT: ReplySpec<string> = { schema: z.string() };

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
      ? toResponseSchema(options.reply.responseSchema ?? options.reply.schema)
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

  for (let attempt = 1; attempt <= context.maxReasks + 1; attempt += 1) {
    const label = {
      agent: options.agent,
      turn: options.turn,
      template: attempt === 1 ? options.template : 'reask',
      attempt,
    };
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
    const judged = judge(result, options.reply, keys, context.responseFormat);
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
    });
    messages.push({ role: 'model', parts: [{ kind: 'text', text: result.text }] });
    if (judged.ok) return { ok: true, value: judged.value, history: messages };
    rejection = judged.rejection;
    // A blocked prompt stays blocked: asking again only pays for the same refusal.
    if (rejection.code === 'BLOCKED' || attempt > context.maxReasks) break;
    const fields = keys.join(', ');
    messages.push({
      role: 'user',
      parts: [
        { kind: 'text', text: context.prompts.render('reask', { problem: rejection.problem, fields }) },
      ],
    });
  }
  return { ok: false, rejection, history: messages };
}

type Judged<T> = { ok: true; value: T } | { ok: false; rejection: ReplyRejection };

function judge<T>(
  result: ModelResult,
  reply: ReplySpec<T>,
  keys: readonly string[],
  format: 'yaml' | 'json',
): Judged<T> {
  if (result.finishReason === 'BLOCKED' || result.finishReason === 'SAFETY') {
    return {
      ok: false,
      rejection: { code: 'BLOCKED', problem: `the reply was blocked (${result.finishReason})` },
    };
  }
  if (result.text.trim() === '')
    return { ok: false, rejection: { code: 'EMPTY_RESPONSE', problem: 'the reply was empty' } };
  const parsed =
    keys.length === 0
      ? parseText(result.text, reply.schema)
      : parseReply(result.text, format, reply.schema, keys);
  if (!parsed.ok) {
    const code = result.finishReason === 'MAX_TOKENS' ? 'MAX_TOKENS' : 'PARSE_ERROR';
    return { ok: false, rejection: { code, problem: parsed.problem } };
  }
  const rejection = reply.check?.(parsed.value);
  return rejection ? { ok: false, rejection } : { ok: true, value: parsed.value };
}

function parseText<T>(text: string, schema: z.ZodType<T>): ParsedReply<T> {
  const result = schema.safeParse(text);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: result.error.message };
}

async function callModel(
  context: AgentContext,
  request: Parameters<AgentContext['model']['generate']>[0],
  started: number,
): Promise<ModelResult> {
  try {
    return await context.model.generate(request);
  } catch (error) {
    const label = request.label;
    const where = `${label.agent} agent${label.turn === null ? '' : `, turn ${label.turn}`}, attempt ${label.attempt}`;
    const elapsed = `after ${Math.round(context.now() - started)} ms`;
    const code = Tp2dgError.isInstance(error) ? error.code : 'MODEL_API';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Tp2dgError(code, `${where}: model call failed ${elapsed}: ${reason}`, { cause: error });
  }
}

/** zod's own JSON Schema, minus the `$schema` keyword that Gemini's subset does not take. */
function toResponseSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}
