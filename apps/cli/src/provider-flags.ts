import { Tp2dgError } from '@tp2dg/entities';
import { GEMINI_PROVIDER } from '@tp2dg/gemini-adapter/planning';
import { OPENAI_COMPATIBLE_PROVIDER } from '@tp2dg/provider-openai-compatible';

/** The per-minute quota's flags, which both built-in providers of a server read. */
const QUOTA_FLAGS = ['rpm', 'tpm'];

/** Flags only some built-in providers read. */
const FLAGS_OF: Readonly<Record<string, readonly string[]>> = {
  [GEMINI_PROVIDER]: [
    'media-resolution',
    'mode',
    'batch-settle',
    'batch-poll',
    'service-tier',
    'flex-fallback',
    'context-cache',
    'thinking-budget',
    ...QUOTA_FLAGS,
    'cleanup-uploads',
  ],
  [OPENAI_COMPATIBLE_PROVIDER]: ['base-url', ...QUOTA_FLAGS],
};

/** `--provider gemini or openai-compatible`: every provider that reads `flag`. */
function ownersOf(flag: string): string {
  const owners = Object.keys(FLAGS_OF).filter((owner) => FLAGS_OF[owner]?.includes(flag));
  return `--provider ${owners.join(' or ')}`;
}

/**
 * The flags the user typed, in their dashed form: `--media-resolution=low`, `--mediaResolution`
 * and `--no-cleanup-uploads` count as `media-resolution` and `cleanup-uploads`. Read from the
 * arguments themselves because a flag left at its default and one typed with that default parse
 * to the same value. Nothing after `--` is a flag.
 */
export function typedFlags(argv: readonly string[]): ReadonlySet<string> {
  const end = argv.indexOf('--');
  return new Set(
    (end < 0 ? argv : argv.slice(0, end))
      .filter((token) => token.startsWith('--'))
      .map((token) =>
        token
          .slice(2)
          .split('=')[0]
          ?.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
          .replace(/^no-/, ''),
      )
      .filter((flag): flag is string => flag !== undefined),
  );
}

/**
 * Refuses a flag of other providers typed for a run of one that does not read it, even at its
 * default value: it would silently do nothing. One line naming the flag, the providers it
 * belongs to and the fix.
 */
export function assertFlagsFitProvider(argv: readonly string[], providerName: string): void {
  const typed = typedFlags(argv);
  const own = FLAGS_OF[providerName] ?? [];
  for (const [owner, flags] of Object.entries(FLAGS_OF)) {
    if (owner === providerName) continue;
    const flag = flags.find((name) => typed.has(name) && !own.includes(name));
    if (flag !== undefined) {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        `--${flag} applies to ${ownersOf(flag)} only, and this run uses ${providerName}: drop it, or set the provider's own options with --provider-option`,
      );
    }
  }
}
