import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCooperativeResponder, type GeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { RunManifestSchema } from '@tp2dg/orchestrator';
import { describe, expect, it } from 'vitest';
import { DUMMY, emulatorEnv, GENERATE, geminiRunArgs, runNode, SUMMARY } from './support/run-command.js';
import { callRecordsUnder, useScratch } from './support/test-scratch.js';

const API_KEY = 'AIza-context-cache-test-key-0000';
/** A model with explicit caching (4,096 tokens at least), at the resolution that makes both chats' prefixes reach it. */
const MODEL = 'gemini-3.5-flash';
const OPTIONS = ['--model', MODEL, '--media-resolution', 'high'];
const CORPUS = join(MODEL, 'dummy');
/** The default 120 s attempt limit, plus the 300 s a cache is kept past it. */
const TTL_SECONDS = 420;

const scratch = useScratch(API_KEY);
const outputFolder = scratch.outputFolder;
const emulatorFor = scratch.emulator;

/** Every call record the run wrote, across its conversations. */
const callRecords = (output: string) => callRecordsUnder(join(output, CORPUS));

/** What the emulator charged in all: every call, and each cache's creation and storage. */
const billedUsd = (emulator: GeminiEmulator) =>
  [...emulator.bills, ...emulator.cacheBills].reduce((sum, bill) => sum + (bill.usd ?? 0), 0);

const summaryUsd = async (output: string) =>
  (
    JSON.parse((await runNode(SUMMARY, ['--input', output, '--json'])).stdout) as {
      cost: { total: { usd: number } };
    }
  ).cost.total.usd;

/** The projected dollars from the dry run's `cost:` line. */
const projectedUsd = (stdout: string) => Number(/^cost: \$(\d+\.\d+) at list prices/m.exec(stdout)?.[1]);

const manifestOf = async (output: string) =>
  RunManifestSchema.parse(JSON.parse(await readFile(join(output, CORPUS, 'run-manifest.json'), 'utf8')));

describe('tp2dg-generate --context-cache', () => {
  it('should refuse explicit caching for a model without it in one line, and make no cache when off', async () => {
    const output = await outputFolder('cache-refused');
    const refused = await runNode(GENERATE, [
      '--dry-run',
      '--data',
      DUMMY,
      '--output-dir',
      output,
      '--context-cache',
      'explicit',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      'tp2dg-generate: --context-cache explicit: gemini-3.5-flash-lite offers no explicit caching (no explicit_cache_min_tokens); use --context-cache implicit, or a model that offers it (gemini-3.5-flash, gemini-3.8-flash, gemini-3.1-pro-preview, gemini-2.5-flash-lite).',
    ]);
    const emulator = await emulatorFor();
    const off = await runNode(
      GENERATE,
      geminiRunArgs(output, '--sessions', '1', ...OPTIONS, '--context-cache', 'off'),
      {
        env: emulatorEnv(emulator, API_KEY),
      },
    );
    expect(off.code, off.stderr).toBe(0);
    expect(emulator.caches).toHaveLength(0);
    expect(emulator.requests.every((request) => request.body.cachedContent === undefined)).toBe(true);
    // Each chat call (a priming and 8 turns for each chat) sends its system instruction again.
    expect(emulator.requests.filter((request) => request.body.systemInstruction !== undefined)).toHaveLength(
      2 * 9,
    );
    expect((await manifestOf(output)).run_options).toMatchObject({ context_cache: 'off' });
  }, 30_000);

  it('should cache each chat by default, bill and record it exactly, delete it, and project it within 5%', async () => {
    const output = await outputFolder('cache-explicit');
    const dryRun = await runNode(GENERATE, [
      '--dry-run',
      '--data',
      DUMMY,
      '--output-dir',
      output,
      '--sessions',
      '3',
      ...OPTIONS,
    ]);
    expect(dryRun.stdout).toContain('of them from context caches)');
    expect(dryRun.stdout).toMatch(/^cache storage: [\d,]+ token-hours/m);
    const emulator = await emulatorFor();
    const result = await runNode(GENERATE, geminiRunArgs(output, '--sessions', '3', ...OPTIONS), {
      env: emulatorEnv(emulator, API_KEY),
    });
    expect(result.code, result.stderr).toBe(0);

    // A Recsys and a Listener cache per conversation, each named as tp2dg's, all gone once it ended.
    expect(emulator.caches).toHaveLength(3 * 2);
    expect(
      emulator.caches.every((cache) =>
        /^tp2dg-(recsys|listener)-[0-9a-f]{16}$/.test(cache.displayName ?? ''),
      ),
    ).toBe(true);
    expect(emulator.caches.every((cache) => cache.deleted)).toBe(true);
    const cached = emulator.requests.filter((request) => request.body.cachedContent !== undefined);
    // Every chat call (a priming and 8 turns for each chat), none of the profile and goal calls.
    expect(cached).toHaveLength(3 * 2 * 9);
    expect(cached.every((request) => request.body.systemInstruction === undefined)).toBe(true);

    // Each cache's storage, for the TTL it was made with, on the call that made it.
    const calls = await callRecords(output);
    const stored = calls.reduce((sum, call) => sum + call.usage.cache_storage_token_seconds, 0);
    const made = emulator.caches.reduce((sum, cache) => sum + cache.tokens * TTL_SECONDS, 0);
    expect(stored).toBe(made);
    expect(calls.filter((call) => call.usage.cache_storage_token_seconds > 0)).toHaveLength(6);
    // What the emulator charged, creations and storage included, is what the summary prices.
    const billed = billedUsd(emulator);
    expect(await summaryUsd(output)).toBeCloseTo(billed, 6);
    expect(Math.abs(projectedUsd(dryRun.stdout) / billed - 1)).toBeLessThanOrEqual(0.05);

    expect((await manifestOf(output)).run_options).toMatchObject({ context_cache: 'explicit' });
    // Journaled as made and as deleted, then rewritten with what is alive: nothing.
    expect(await readFile(join(output, 'gemini-caches.jsonl'), 'utf8')).toBe('');
  }, 60_000);

  it("should price a flex run's calls at the flex share, and its caches in full, as the service bills them", async () => {
    const output = await outputFolder('cache-flex');
    const emulator = await emulatorFor();
    const result = await runNode(
      GENERATE,
      geminiRunArgs(output, '--sessions', '1', ...OPTIONS, '--service-tier', 'flex'),
      {
        env: emulatorEnv(emulator, API_KEY),
      },
    );
    expect(result.code, result.stderr).toBe(0);
    // A flex attempt may take 900 s: each cache is made to live 900 + 300 s.
    const calls = await callRecords(output);
    const stored = calls.reduce((sum, call) => sum + call.usage.cache_storage_token_seconds, 0);
    expect(stored).toBe(emulator.caches.reduce((sum, cache) => sum + cache.tokens * 1200, 0));
    // The emulator bills each call at half its list price, each cache's creation and storage in full.
    const cacheUsd = emulator.cacheBills.reduce((sum, bill) => sum + (bill.usd ?? 0), 0);
    expect(cacheUsd).toBeGreaterThan(0);
    expect(await summaryUsd(output)).toBeCloseTo(billedUsd(emulator), 6);
  }, 30_000);

  it('should reuse after a kill the cache of the conversation it resumes, and leave none alive', async () => {
    const output = await outputFolder('cache-kill');
    const responder = createCooperativeResponder();
    // Answers take 20 ms, so the kill lands between two calls of a chat that uses its cache.
    const emulator = await emulatorFor({
      respond: async (request) => {
        await sleep(20);
        return responder.respond(request);
      },
    });
    const env = emulatorEnv(emulator, API_KEY);
    const args = geminiRunArgs(output, '--sessions', '1', ...OPTIONS);
    const child = spawn('node', [GENERATE, ...args], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed once a chat call after a priming has used a cache.
    const turnWithCache = () =>
      emulator.requests.some(
        (request) => request.body.cachedContent !== undefined && request.body.contents.length > 1,
      );
    while (!turnWithCache()) await sleep(2);
    child.kill('SIGKILL');
    await exited;
    const madeBeforeKill = emulator.caches.map((cache) => cache.name);
    const sentBeforeKill = emulator.requests.length;
    expect(madeBeforeKill.length).toBeGreaterThan(0);
    expect(existsSync(join(output, 'gemini-caches.jsonl'))).toBe(true);

    const resumed = await runNode(GENERATE, args, { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    const usedAfter = new Set(
      emulator.requests.slice(sentBeforeKill).map((request) => request.body.cachedContent),
    );
    // The resumed conversation used a cache the killed run made, instead of paying for another.
    expect(madeBeforeKill.some((name) => usedAfter.has(name))).toBe(true);
    expect(emulator.caches.filter((cache) => !cache.deleted)).toEqual([]);
  }, 60_000);

  it('should delete with --cleanup-uploads every cache tp2dg made on the key, and no other', async () => {
    const output = await outputFolder('cache-cleanup');
    const emulator = await emulatorFor();
    // Made on the wire as the SDK makes them: 16,400 characters are 4,100 tokens, over the minimum.
    const make = async (displayName: string) => {
      const made = await fetch(`${emulator.baseUrl}/v1beta/cachedContents`, {
        method: 'POST',
        headers: { 'x-goog-api-key': API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: `models/${MODEL}`,
          displayName,
          contents: [{ role: 'user', parts: [{ text: 'x'.repeat(16_400) }] }],
          ttl: '3600s',
        }),
      });
      return (await made.json()) as { name: string };
    };
    // Left by a run whose ledger is gone, and someone else's.
    const left = await make('tp2dg-recsys-0123456789abcdef');
    const foreign = await make('notebook-experiment');
    const result = await runNode(
      GENERATE,
      geminiRunArgs(output, '--sessions', '1', ...OPTIONS, '--cleanup-uploads'),
      {
        env: emulatorEnv(emulator, API_KEY),
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Deleted 1 Gemini context cache(s) tp2dg made on this key.');
    const deleted = (name: string | undefined) =>
      emulator.caches.find((cache) => cache.name === name)?.deleted;
    expect(deleted(left.name)).toBe(true);
    expect(deleted(foreign.name)).toBe(false);
    expect(
      emulator.caches.filter((cache) => cache.displayName?.startsWith('tp2dg-') && !cache.deleted),
    ).toEqual([]);
  }, 30_000);
});
