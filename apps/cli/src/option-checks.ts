/**
 * The option checks tp2dg-generate and tp2dg-eval share, each throwing the message yargs shows
 * as a one-line usage error (exit 2), before anything is read or paid for.
 */

/** The options that may be repeated; yargs turns any other repeated one into an array. */
const REPEATABLE = new Set(['source-option', 'provider-option']);

/**
 * `--data a --data b` would reach the run as an array where a path is expected: say which
 * option came twice instead. Keys with capitals are yargs' camelCase copies of the same options.
 */
export function assertGivenOnce(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    if (!Array.isArray(value) || REPEATABLE.has(name) || name === '_' || /[A-Z]/.test(name)) continue;
    throw new Error(`--${name} was given ${value.length} times; give it once`);
  }
}

/** Each option of `names` that was given is a whole number of at least 1, or 0 for those in `zeroAllowed`. */
export function assertWholeNumbers<Name extends string>(
  args: Partial<Record<Name, number | undefined>>,
  names: readonly Name[],
  zeroAllowed: readonly Name[],
): void {
  for (const name of names) {
    const value = args[name];
    const minimum = zeroAllowed.includes(name) ? 0 : 1;
    if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
      throw new Error(`--${name} must be a whole number of at least ${minimum} (got ${value})`);
    }
  }
}

/** An empty value would name the working directory, or drop a level of the run directory. */
export function assertNotEmpty<Name extends string>(
  args: Partial<Record<Name, string | undefined>>,
  names: readonly Name[],
): void {
  for (const name of names) if (args[name] === '') throw new Error(`--${name} must not be empty`);
}

/** `--clip-seconds` (0 sends whole clips) and `--max-cost` (a ceiling in USD, when given). */
export function assertClipAndCost(clipSeconds: number, maxCost: number | undefined): void {
  if (!(clipSeconds >= 0 && Number.isFinite(clipSeconds))) {
    throw new Error(`--clip-seconds must be a number of seconds of at least 0 (got ${clipSeconds})`);
  }
  if (maxCost !== undefined && !(maxCost > 0)) {
    throw new Error(`--max-cost must be a positive amount in USD (got ${maxCost})`);
  }
}

/** `--progress`: `per` says what a plain line reports (a session, a conversation). */
export function progressOption(per: string) {
  return {
    choices: ['auto', 'lines', 'json'] as const,
    default: 'auto' as const,
    describe: `Progress on stderr: one updating line on a terminal, a line per ${per} otherwise, or JSON lines`,
  };
}

export const VERBOSE_OPTION = {
  type: 'boolean',
  default: false,
  describe: 'Show stack traces of errors',
} as const;
