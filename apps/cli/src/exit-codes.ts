import type { Tp2dgErrorCode } from '@tp2dg/entities';

/** Exit codes a script can branch on: 2 = fix the command, 3 = fix the input, 4 = the service. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  input: 3,
  service: 4,
  /** Some sessions failed, or `--keep-short` saved them with fewer turns than asked. */
  someSessionsIncomplete: 5,
  budgetReached: 6,
} as const;

const BY_CODE: Record<Tp2dgErrorCode, number> = {
  INVALID_ARGUMENT: EXIT.usage,
  MISSING_API_KEY: EXIT.usage,
  LOADER_NOT_FOUND: EXIT.usage,
  LOADER_INVALID: EXIT.usage,
  PROVIDER_NOT_FOUND: EXIT.usage,
  PROVIDER_INVALID: EXIT.usage,
  PROMPT_TEMPLATE: EXIT.input,
  INVALID_INPUT: EXIT.input,
  MEDIA_PATH_ESCAPE: EXIT.input,
  MEDIA_NOT_FOUND: EXIT.input,
  AGENT_REPLY: EXIT.service,
  MODEL_API: EXIT.service,
  MODEL_AUTH: EXIT.usage,
  MODEL_NOT_FOUND: EXIT.usage,
  MODEL_TIMEOUT: EXIT.service,
  ABORTED: EXIT.failure,
  OUTPUT_WRITE: EXIT.failure,
};

export function exitCodeOf(code: Tp2dgErrorCode): number {
  return BY_CODE[code];
}
