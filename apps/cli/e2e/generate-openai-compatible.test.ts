import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agentOf } from '@tp2dg/model-testing';
import {
  createCooperativeResponder,
  type OpenAiEmulator,
  promptTextOf,
  type RecordedChatRequest,
  startOpenAiEmulator,
} from '@tp2dg/provider-openai-compatible/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUMMY, GENERATE, OFFLINE_ENV, runNode, temporaryDirectory } from './support/run-command.js';

const API_KEY = 'sk-openai-test-DO-NOT-LEAK-9012';

function mediaCounts(request: RecordedChatRequest) {
  const parts = request.body.messages.flatMap((message) =>
    typeof message.content === 'string' ? [] : message.content,
  );
  return {
    images: parts.filter((part) => part.type === 'image_url' && part.image_url.url.startsWith('data:image/'))
      .length,
    audio: parts.filter((part) => part.type === 'input_audio' && part.input_audio.format === 'wav').length,
  };
}

describe('tp2dg-generate --provider openai-compatible', () => {
  let emulator: OpenAiEmulator;
  let output: string;
  let run: Awaited<ReturnType<typeof runNode>>;

  beforeAll(async () => {
    emulator = await startOpenAiEmulator({ apiKey: API_KEY, respond: createCooperativeResponder() });
    output = await temporaryDirectory('tp2dg-openai-');
    const env = { ...OFFLINE_ENV, OPENAI_API_KEY: API_KEY };
    const args = [
      '--provider',
      'openai-compatible',
      '--model',
      'qwen2.5-omni-7b',
      '--base-url',
      emulator.baseUrl,
    ];
    // Limits the run stays well under (100 calls a second, the first second's at once): the
    // quota estimates and admits every call, and no test time goes on waiting.
    const quota = ['--rpm', '6000', '--tpm', '100000000'];
    run = await runNode(
      GENERATE,
      [...args, ...quota, '--data', DUMMY, '--output-dir', output, '--sessions', '2', '--turns', '8'],
      { env },
    );
  }, 60_000);

  afterAll(() => emulator.close());

  it('should write two whole conversations of 8 turns from the server', async () => {
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    const chats = (await readdir(output, { recursive: true })).filter((path) => path.endsWith('chat.json'));
    expect(chats).toHaveLength(2);
    // Per session: profile, goal, 2 primings, 8 recsys turns and 8 listener turns.
    expect(emulator.requests).toHaveLength(2 * (2 + 2 + 8 + 8));
  });

  it('should send covers as data URLs and clips as input_audio in every call that shows tracks', () => {
    const byAgent = new Map<string, number>();
    for (const request of emulator.requests) {
      const agent = agentOf(promptTextOf(request));
      byAgent.set(agent, (byAgent.get(agent) ?? 0) + 1);
      if (agent === 'goal') continue;
      const { images, audio } = mediaCounts(request);
      expect(images, `${agent} call ${request.index}`).toBeGreaterThan(0);
      expect(audio, `${agent} call ${request.index}`).toBe(images);
    }
    expect(Object.fromEntries(byAgent)).toEqual({ profile: 2, goal: 2, listener: 2 * 9, recsys: 2 * 9 });
  });

  it('should send the key as a bearer token and write it nowhere', async () => {
    expect(emulator.requests.every((request) => request.headers.authorization === `Bearer ${API_KEY}`)).toBe(
      true,
    );
    const files = await readdir(output, { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile())) {
      expect(await readFile(join(file.parentPath, file.name), 'utf8')).not.toContain(API_KEY);
    }
    expect(run.stdout + run.stderr).not.toContain(API_KEY);
  });

  it('should refuse a Gemini flag typed at its default, and project no Gemini price for a model named like one', async () => {
    const env = { ...OFFLINE_ENV, OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.baseUrl };
    const before = emulator.requests.length;
    const output = await temporaryDirectory('tp2dg-openai-refusals-');
    const args = [
      '--provider',
      'openai-compatible',
      '--model',
      'gemini-3.5-flash-lite',
      '--output-dir',
      output,
    ];
    const [typedDefault, dryRun] = await Promise.all([
      runNode(GENERATE, [...args, '--media-resolution', 'low'], { env }),
      runNode(GENERATE, [...args, '--dry-run'], { env }),
    ]);
    expect(typedDefault.code).toBe(2);
    expect(typedDefault.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^tp2dg-generate: --media-resolution applies to --provider gemini only, and this run uses openai-compatible: drop it/,
      ),
    ]);
    expect(dryRun.code).toBe(2);
    expect(dryRun.stdout).not.toContain('cost:');
    expect(dryRun.stderr).toContain('--dry-run needs the list prices of gemini-3.5-flash-lite');
    expect(emulator.requests.length).toBe(before);
  });

  it('should refuse --max-cost for an unpriced model rather than count it as free', async () => {
    const env = { ...OFFLINE_ENV, OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.baseUrl };
    const before = emulator.requests.length;
    const refused = await runNode(
      GENERATE,
      [
        '--provider',
        'openai-compatible',
        '--model',
        'gemini-3.5-flash-lite',
        '--data',
        DUMMY,
        '--output-dir',
        await temporaryDirectory('tp2dg-openai-cost-'),
        '--max-cost',
        '1',
      ],
      { env },
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--max-cost needs the list prices of gemini-3.5-flash-lite');
    expect(emulator.requests.length).toBe(before);
  });
});
