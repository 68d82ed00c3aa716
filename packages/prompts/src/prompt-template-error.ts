import { Tp2dgError } from '@tp2dg/entities';

/**
 * Every template problem is reported the same way, on one line, so the CLI can print
 * it as is: the file, what is wrong, and what to do about it.
 */
export function promptTemplateError(
  source: string,
  problem: string,
  fix: string,
  cause?: unknown,
): Tp2dgError {
  return new Tp2dgError('PROMPT_TEMPLATE', `${source}: ${problem}; ${fix}`, { cause });
}
