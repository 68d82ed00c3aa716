import type { TokenUsage } from '@tp2dg/entities';
import { type EmulatedGenerateRequest, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { describe, expect, it } from 'vitest';
import {
  DUMMY,
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  runNode,
  SUMMARY,
  temporaryDirectory,
} from './support/run-command.js';

const API_KEY = 'AIza-media-resolution-key-2468';

/** The image parts of every request the emulator received, with what each asked for. */
function imageParts(requests: readonly EmulatedGenerateRequest[]) {
  return requests
    .flatMap((request) => request.body.contents.flatMap((content) => content.parts))
    .filter((part) => (part.fileData as { mimeType: string } | undefined)?.mimeType.startsWith('image/'));
}

/** One session through the built CLI and the emulator: what was sent, and what the summary says it cost. */
async function runOneSession(...options: string[]) {
  const emulator = await startGeminiEmulator({ apiKey: API_KEY });
  try {
    const output = await temporaryDirectory('media-resolution');
    const args = geminiRunArgs(output, '--sessions', '1', ...options);
    const result = await runNode(GENERATE, args, { env: emulatorEnv(emulator, API_KEY) });
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse((await runNode(SUMMARY, ['--input', output, '--json'])).stdout) as {
      tokens: { total: TokenUsage };
      cost: { total: { usd: number } };
    };
    const dryRun = await runNode(GENERATE, [
      '--dry-run',
      '--data',
      DUMMY,
      '--output-dir',
      await temporaryDirectory('media-resolution-dry-run'),
      '--sessions',
      '1',
      ...options,
    ]);
    const { tokens, cost } = summary;
    return {
      output,
      parts: imageParts(emulator.requests),
      imageTokens: tokens.total.image_input + tokens.total.cached_image_input,
      usd: cost.total.usd,
      projectedImageTokens: Number(/^ {2}image +([\d,]+)/m.exec(dryRun.stdout)?.[1]?.replaceAll(',', '')),
    };
  } finally {
    await emulator.close();
  }
}

describe('tp2dg-generate --media-resolution, billed by the emulator', () => {
  it('should send low by default on each cover and be billed 280 tokens a cover, against 1,120 at high', async () => {
    const low = await runOneSession();
    const high = await runOneSession('--media-resolution', 'high');
    // The same conversation either way: every call re-sends the covers it showed before.
    expect(low.parts.length).toBeGreaterThan(0);
    expect(high.parts).toHaveLength(low.parts.length);
    expect(new Set(low.parts.map((part) => JSON.stringify(part.mediaResolution)))).toEqual(
      new Set(['{"level":"MEDIA_RESOLUTION_LOW"}']),
    );
    expect(
      high.parts.every(
        (part) => JSON.stringify(part.mediaResolution) === '{"level":"MEDIA_RESOLUTION_HIGH"}',
      ),
    ).toBe(true);
    expect(low.imageTokens).toBe(low.parts.length * 280);
    expect(high.imageTokens).toBe(high.parts.length * 1120);
    // How finely the model sees the covers shapes what it says of them: a run resumes at its own.
    // Refused before any call: the emulator the key points at is closed.
    const sharper = await runNode(
      GENERATE,
      geminiRunArgs(low.output, '--sessions', '2', '--media-resolution', 'high'),
      {
        env: emulatorEnv({ baseUrl: 'http://127.0.0.1:9' }, API_KEY),
      },
    );
    expect(sharper.code).toBe(2);
    expect(sharper.stderr).toContain(
      'this run was made with media_resolution "low", this command has "high".',
    );
    // The dry run counts the covers as the emulator bills them.
    expect([low.projectedImageTokens, high.projectedImageTokens]).toEqual([
      low.imageTokens,
      high.imageTokens,
    ]);
    // 840 more tokens a cover, at $0.30 (first sent) or $0.03 (re-sent, from the cache) per 1M.
    const extra = high.usd - low.usd;
    expect(extra).toBeGreaterThan((low.parts.length * 840 * 0.03) / 1e6);
    expect(extra).toBeLessThan((low.parts.length * 840 * 0.3) / 1e6);
  }, 30_000);

  it('should send no resolution to a 2.5 model, which bills 258 tokens a cover', async () => {
    // No explicit cache, which would hold the covers instead of the calls: each call re-sends its covers.
    const gemini25 = await runOneSession(
      '--model',
      'gemini-2.5-flash-lite',
      '--media-resolution',
      'low',
      '--context-cache',
      'implicit',
    );
    expect(gemini25.parts.some((part) => part.mediaResolution !== undefined)).toBe(false);
    expect(gemini25.imageTokens).toBe(gemini25.parts.length * 258);
    expect(gemini25.projectedImageTokens).toBe(gemini25.imageTokens);
  }, 20_000);
});
