import type { ThinkingChoice } from '@tp2dg/entities';

/** Reads `--thinking-budget least|model|N`. Throws a message yargs shows as a usage error. */
export function parseThinkingBudget(value: string): ThinkingChoice {
  const text = String(value).trim();
  if (text === 'least' || text === 'model') return text;
  const number = Number(text);
  if (text === '' || !Number.isInteger(number) || number < 0) {
    throw new Error(`--thinking-budget takes least, model or a whole number of at least 0 (got ${value})`);
  }
  return number;
}
