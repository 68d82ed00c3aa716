import { describe, expect, it } from 'vitest';
import { assertFlagsFitProvider, typedFlags } from './provider-flags.js';

describe('typedFlags', () => {
  it('should name each flag typed, in any form yargs takes, and nothing after --', () => {
    const argv = [
      '--media-resolution=low',
      '--serviceTier',
      'flex',
      '--no-cleanup-uploads',
      '-h',
      '--',
      '--rpm',
    ];
    expect([...typedFlags(argv)]).toEqual(['media-resolution', 'service-tier', 'cleanup-uploads']);
  });
});

describe('assertFlagsFitProvider', () => {
  it("should refuse another provider's flag even at its default value", () => {
    expect(() =>
      assertFlagsFitProvider(
        ['--provider', 'openai-compatible', '--media-resolution', 'low'],
        'openai-compatible',
      ),
    ).toThrow(/^--media-resolution applies to --provider gemini only, and this run uses openai-compatible/);
    expect(() => assertFlagsFitProvider(['--base-url', 'http://localhost:1/v1'], 'gemini')).toThrow(
      /^--base-url applies to --provider openai-compatible only/,
    );
  });

  it("should take the provider's own flags and a run that types none", () => {
    expect(() => assertFlagsFitProvider(['--mode', 'online', '--rpm', '10'], 'gemini')).not.toThrow();
    expect(() => assertFlagsFitProvider(['--turns', '2'], 'echo')).not.toThrow();
  });

  it('should take --rpm and --tpm with either provider of a server, and name both to any other', () => {
    expect(() => assertFlagsFitProvider(['--rpm', '10', '--tpm', '9000'], 'openai-compatible')).not.toThrow();
    expect(() => assertFlagsFitProvider(['--tpm', '9000'], 'simulated')).toThrow(
      /^--tpm applies to --provider gemini or openai-compatible only, and this run uses simulated/,
    );
  });
});
