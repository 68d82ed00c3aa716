import type { ResponseCode } from '@tp2dg/entities';
import { z } from 'zod';

/** Why a reply cannot be used: sent back to the model in a re-ask, recorded with the call. */
export interface ReplyRejection {
  code: ResponseCode;
  problem: string;
}

export interface ReplySpec<T> {
  /** Parses the reply; loose enough that rule breaches reach `check` and get their own code. */
  schema: z.ZodType<T>;
  /**
   * Sent to the model in JSON mode when stricter than `schema` (an enum of allowed ids);
   * built only then, since a YAML run would build it on every call for nothing.
   */
  responseSchema?: () => z.ZodType;
  /** Returns a rejection to re-ask with, or undefined to accept. */
  check?: (value: T) => ReplyRejection | undefined;
}

/** For priming messages, whose template expects no fields: any non-empty text acknowledges. */
export const ACKNOWLEDGEMENT: ReplySpec<string> = { schema: z.string() };

/** zod's own JSON Schema, minus the `$schema` keyword that some providers' schema subsets do not take. */
export function toResponseSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}
