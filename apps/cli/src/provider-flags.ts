import { Tp2dgError } from '@tp2dg/entities';
import { GEMINI_PROVIDER } from '@tp2dg/gemini-adapter/planning';
import { OPENAI_COMPATIBLE_PROVIDER } from '@tp2dg/provider-openai-compatible';

/** Flags only one built-in provider reads, each with the value it has when not given. */
const FLAGS_OF: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  [GEMINI_PROVIDER]: {
    'media-resolution': 'low',
    mode: 'online',
    'batch-settle': undefined,
    'batch-poll': undefined,
    'service-tier': 'standard',
    'flex-fallback': 0,
    'context-cache': undefined,
    'thinking-budget': 'least',
    rpm: undefined,
    tpm: undefined,
    'cleanup-uploads': false,
  },
  [OPENAI_COMPATIBLE_PROVIDER]: { 'base-url': undefined },
};

/**
 * Refuses a flag of one provider given to a run of another: it would silently do nothing. One
 * line naming the flag, the provider it belongs to and the fix.
 */
export function assertFlagsFitProvider(args: Record<string, unknown>, providerName: string): void {
  for (const [owner, flags] of Object.entries(FLAGS_OF)) {
    if (owner === providerName) continue;
    for (const [flag, unset] of Object.entries(flags)) {
      if (flag in args && args[flag] !== unset) {
        throw new Tp2dgError(
          'INVALID_ARGUMENT',
          `--${flag} applies to --provider ${owner} only, and this run uses ${providerName}: drop it, or set the provider's own options with --provider-option`,
        );
      }
    }
  }
}
