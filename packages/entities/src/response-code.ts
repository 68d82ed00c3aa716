import { z } from 'zod';

/** How an agent call ended, recorded on every turn and every call. */
export const RESPONSE_CODES = [
  'SUCCESS',
  'NO_TRACK_FOUND',
  'DUPLICATE_TRACK',
  'PARSE_ERROR',
  'BLOCKED',
  'MAX_TOKENS',
  'EMPTY_RESPONSE',
  'MODEL_ERROR',
  'TIMEOUT',
] as const;
export const ResponseCodeSchema = z.enum(RESPONSE_CODES);
export type ResponseCode = z.infer<typeof ResponseCodeSchema>;
