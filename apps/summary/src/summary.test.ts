import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OUTPUT_DIR } from '@tp2dg/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INVALID_CHAT, writeSampleRun } from './test-sample-run.js';

// End to end on the built command line, which the bin runs on the process (it is run as a process
// in apps/cli/e2e): run `pnpm turbo run build --filter=@tp2dg/summary...` first, as `pnpm test` does.
const commandLine = fileURLToPath(new URL('../dist/summary-command-line.js', import.meta.url));
let root = '';
let emptyRoot = '';

function runBin(...args: string[]) {
  return runBinIn(process.cwd(), ...args);
}

/** What the bin would print and its exit code, for `args` in `cwd`. */
async function runBinIn(cwd: string, ...args: string[]) {
  const { runSummaryCommandLine } = await import(commandLine);
  const result = { status: 0, stdout: '', stderr: '' };
  result.status = await runSummaryCommandLine(args, {
    stdout: (text: string) => {
      result.stdout += text;
    },
    stderr: (text: string) => {
      result.stderr += text;
    },
    cwd,
  });
  return result;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tp2dg-summary-bin-'));
  emptyRoot = await mkdtemp(join(tmpdir(), 'tp2dg-summary-bin-empty-'));
  await writeSampleRun(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(emptyRoot, { recursive: true, force: true });
});

describe('tp2dg-summary', () => {
  it('should print the text report with the sample figures', async () => {
    const result = await runBin('--input', root);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^SIMULATED DATA: 1 of 3 conversations .* NOT LLM output\.$/);
    expect(lines).toContain('Turns per conversation: mean 2.33, min 2, max 3');
    expect(lines).toContain('Model calls per conversation: mean 8.67, min 8, max 10 (26 calls)');
    expect(lines).toContain('  2            3                  2  66.7%');
    expect(lines).toContain('  total               18               0                8  $0.1181');
    expect(lines).toContain('  load      INVALID_INPUT         2');
    expect(result.stdout).toContain(`${SAMPLE_INVALID_CHAT}: 0.listener.message: `);
    expect(result.stderr).toBe('');
  });

  it('should print one JSON object with --json', async () => {
    const result = await runBin('--input', root, '--json');
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.conversations.total).toBe(3);
    expect(summary.conversations.simulated).toBe(1);
    expect(summary.goals.K).toEqual({ LL: 0, HL: 0, LH: 1, HH: 0 });
    expect(summary.progress_by_turn[0]).toEqual({
      turn: 2,
      assessed: 3,
      moves_toward_goal: 2,
      share: 0.6667,
    });
    expect(summary.response_codes.calls.NO_TRACK_FOUND).toBe(1);
    expect(summary.tokens.total.text_input).toBe(260_000);
    expect(summary.cost.total.usd).toBe(0.11808);
    expect(summary.cost.mean_per_billed_conversation_usd).toBe(0.05904);
    expect(summary.failures.total).toBe(3);
    expect(summary.invalid_files).toHaveLength(1);
  });

  it('should fail with one line on stderr for an empty or missing input', async () => {
    const empty = await runBin('--input', emptyRoot);
    expect(empty.status).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe(
      `tp2dg-summary: no conversations in ${emptyRoot}: no session folder (a folder with session.json) found\n`,
    );
    const missing = await runBin('--input', join(emptyRoot, 'absent'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('should write the HTML report beside the JSON on stdout, and say its conversations have no media', async () => {
    const file = join(root, 'report.html');
    const result = await runBin('--input', root, '--json', '--html', file);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).conversations.total).toBe(3);
    expect(result.stderr).toBe(
      'tp2dg-summary: warning: 3 conversation(s) shown without media: no run manifest (run-manifest.json) in their folders or above.\n' +
        `tp2dg-summary: HTML report written to ${file} (media of 0 recommended tracks)\n`,
    );
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    // The page script, with the charting library bundled in, is inlined: nothing is fetched.
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<script[^>]* src=/);
  });

  it('should price with a --prices file and name its version', async () => {
    const doubled = { input: 0.6, audio_input: 2, output: 5, cached_input: 0.06, cached_audio_input: 0.2 };
    const file = join(root, 'prices.json');
    await writeFile(
      file,
      JSON.stringify({ version: 'doubled-test', models: { 'gemini-2.5-flash': doubled } }),
    );
    const summary = JSON.parse((await runBin('--input', root, '--json', '--prices', file)).stdout);
    expect(summary.cost.price_table).toBe('doubled-test');
    expect(summary.cost.total.usd).toBe(0.23616);
    expect((await runBin('--input', root)).stdout).toContain('prices gemini-list-prices-2026-11-30');
  });

  it('should still report a run whose sessions all failed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tp2dg-summary-bin-failed-'));
    await mkdir(join(root, 'gemini-2.5-flash', 'demo'), { recursive: true });
    const failure = {
      session_id: 's1',
      user_id: 'u1',
      stage: 'generate',
      code: 'MODEL_API',
      reason: 'HTTP 404',
    };
    await writeFile(join(root, 'gemini-2.5-flash', 'demo', 'failures.jsonl'), `${JSON.stringify(failure)}\n`);
    const result = await runBin('--input', root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Conversations: 0');
    expect(result.stdout).toContain('Failed or skipped sessions (failures.jsonl): 1');
    await rm(root, { recursive: true, force: true });
  });

  it("should summarise the generator's default output folder when not given --input", async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'tp2dg-summary-bin-cwd-'));
    await writeSampleRun(join(cwd, DEFAULT_OUTPUT_DIR));
    const result = await runBinIn(cwd, '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).conversations.total).toBe(3);
    await rm(cwd, { recursive: true, force: true });
  });

  it('should say in one line what to pass when given no --input and there is no default folder', async () => {
    const result = await runBinIn(emptyRoot);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `tp2dg-summary: no --input given and no ${DEFAULT_OUTPUT_DIR} folder (where tp2dg-generate writes by default) in ${emptyRoot}: pass --input DIR, the --output-dir of tp2dg-generate.\n`,
    );
    const help = await runBin('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--input');
  });
});
