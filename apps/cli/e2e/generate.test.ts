import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeSyntheticCorpus } from '@tp2dg/data-loaders/test';
import { describe, expect, it } from 'vitest';
import { copyOfDummy } from './support/corpus-copies.js';
import {
  GENERATE,
  OFFLINE_ENV,
  REPO_ROOT,
  runNode,
  SUMMARY,
  temporaryDirectory,
} from './support/run-command.js';

/** The parts of the reference files the bad-input cases edit. */
type CorpusJson = {
  sessions: { track_ids: string[] }[];
  tracks: { audio_path?: string; image_path?: string }[];
};

async function editJson(file: string, edit: (value: CorpusJson) => void): Promise<void> {
  const value = JSON.parse(await readFile(file, 'utf8'));
  edit(value);
  await writeFile(file, JSON.stringify(value));
}

describe('tp2dg-generate', () => {
  it('should generate every bundled session offline, labelled simulated, and be summarised', async () => {
    const output = await temporaryDirectory('out');
    // Run from elsewhere than the repository: the bundled corpus is found through the CLI's dependencies.
    // Both bins in processes of their own, as a user starts them; the other tests run their commands here.
    const elsewhere = await temporaryDirectory('cwd');
    const result = await runNode(GENERATE, ['--provider', 'simulated', '--output-dir', output], {
      cwd: elsewhere,
      separateProcess: true,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('NOT LLM output');
    expect(result.stdout).toContain(
      `Wrote 8 conversation(s) to ${join(output, 'simulated', 'dummy')} (160 model calls`,
    );
    // Run from the repository's build, the hint names the root script (see summary-hint.ts).
    expect(result.stdout).toContain(`Summarise with: pnpm summary --input ${output}\n`);
    const summary = await runNode(SUMMARY, ['--input', output, '--json'], { separateProcess: true });
    expect(summary.code).toBe(0);
    const report = JSON.parse(summary.stdout);
    expect(report.conversations.total).toBe(8);
    expect(report.conversations.simulated).toBe(8);
    expect(report.turns_per_conversation).toMatchObject({ mean: 8, min: 8, max: 8 });
  });

  it('should ask another loader for its corpus instead of giving it the bundled one', async () => {
    const output = await temporaryDirectory('out');
    const result = await runNode(GENERATE, [
      '--provider',
      'simulated',
      '--source',
      'jsonl',
      '--output-dir',
      output,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'tp2dg-generate: The jsonl loader needs a data directory. Pass --source-option dir=DIR (or --data DIR).\n',
    );
  });

  it('should refuse to guess a backend without a key', async () => {
    const result = await runNode(GENERATE, ['--output-dir', await temporaryDirectory('out')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('set GEMINI_API_KEY');
    expect(result.stderr).toContain('--provider simulated');
  });

  it('should read another corpus in the reference format with 31-track sessions', async () => {
    const corpus = await temporaryDirectory('corpus31');
    await writeSyntheticCorpus(corpus, { users: 3, tracks: 70, sessions: 2, tracksPerSession: 31, seed: 5 });
    const output = await temporaryDirectory('out');
    const result = await runNode(GENERATE, [
      '--provider',
      'simulated',
      '--data',
      corpus,
      '--output-dir',
      output,
      '--response-format',
      'json',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote 2 conversation(s)');
    const summary = JSON.parse((await runNode(SUMMARY, ['--input', output, '--json'])).stdout);
    expect(summary.turns_per_conversation.max).toBe(8);
  });

  const badInputs: [string, (corpus: string) => Promise<void>, RegExp][] = [
    [
      'invalid JSON',
      (corpus) => writeFile(join(corpus, 'tracks.json'), '{"tracks": [\n  {"track_id": "t1",,}\n]}'),
      /tracks\.json: invalid JSON at line 2/,
    ],
    [
      'a session naming an unknown track',
      (corpus) =>
        editJson(join(corpus, 'playlists.json'), (value) => value.sessions[1]?.track_ids.push('t999')),
      /playlists\.json: session "[^"]+" names track "t999"/,
    ],
    [
      'a media path escaping the corpus',
      (corpus) =>
        editJson(join(corpus, 'tracks.json'), (value) => {
          Object.assign(value.tracks[0] ?? {}, { audio_path: '../../etc/passwd' });
        }),
      /tracks\.json: .*"t001".*audio_path/,
    ],
    [
      'a symlink leaving the corpus',
      async (corpus) => {
        await symlink('/etc/hostname', join(corpus, 'images', 'escape.png'));
        await editJson(join(corpus, 'tracks.json'), (value) => {
          Object.assign(value.tracks[2] ?? {}, { image_path: 'images/escape.png' });
        });
      },
      /tracks\.json: .*"t003".*image_path/,
    ],
    [
      'a missing media file',
      (corpus) =>
        editJson(join(corpus, 'tracks.json'), (value) => {
          Object.assign(value.tracks[4] ?? {}, { audio_path: 'audio/missing.wav' });
        }),
      /tracks\.json: .*"t005".*audio\/missing\.wav/,
    ],
  ];

  for (const [name, breakCorpus, expected] of badInputs) {
    it(`should stop on ${name} with one clear line and write nothing`, async () => {
      const corpus = await copyOfDummy();
      await breakCorpus(corpus);
      const output = join(await temporaryDirectory('out'), 'conversations');
      const result = await runNode(GENERATE, [
        '--provider',
        'simulated',
        '--data',
        corpus,
        '--output-dir',
        output,
      ]);
      expect(result.code).toBe(3);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
      expect(lines[0]).toContain(corpus);
      expect(existsSync(output)).toBe(false);
    });
  }

  it('should name what it tried for an unknown --source', async () => {
    const output = join(await temporaryDirectory('out'), 'conversations');
    const result = await runNode(GENERATE, [
      '--provider',
      'simulated',
      '--source',
      'no-such-corpus',
      '--output-dir',
      output,
    ]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('@tp2dg/data-loader-no-such-corpus');
    expect(lines[0]).toContain('tp2dg-data-loader-no-such-corpus');
    expect(existsSync(output)).toBe(false);
  });

  it('should use templates from --prompts and record their hash', async () => {
    const overrides = await temporaryDirectory('prompts');
    const builtIn = await readFile(join(REPO_ROOT, 'packages/prompts/templates/recsys-system.md'), 'utf8');
    await writeFile(
      join(overrides, 'recsys-system.md'),
      `${builtIn}\nKeep every message under twenty words.\n`,
    );
    const [plain, custom] = await Promise.all([temporaryDirectory('out'), temporaryDirectory('out')]);
    const common = ['--provider', 'simulated', '--sessions', '1'];
    await runNode(GENERATE, [...common, '--output-dir', plain]);
    const result = await runNode(GENERATE, [...common, '--output-dir', custom, '--prompts', overrides]);
    expect(result.code).toBe(0);
    const folder = 'simulated/dummy/u01/u01__2019-01-07';
    const hashOf = async (root: string) =>
      JSON.parse(await readFile(join(root, folder, 'session.json'), 'utf8')).provenance.prompts_hash;
    expect(await hashOf(custom)).not.toBe(await hashOf(plain));
    const calls = (await readFile(join(custom, folder, 'calls.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const recsysCall = calls.find((call) => call.agent === 'recsys');
    expect(recsysCall.request.system_instruction).toContain('Keep every message under twenty words.');
  });

  it('should stop on a misnamed template in --prompts with one line', async () => {
    const overrides = await temporaryDirectory('prompts');
    await writeFile(join(overrides, 'recsys-sytem.md'), '---\nparams: []\nreply: []\n---\nHi');
    const output = join(await temporaryDirectory('out'), 'conversations');
    const result = await runNode(GENERATE, [
      '--provider',
      'simulated',
      '--prompts',
      overrides,
      '--output-dir',
      output,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('recsys-sytem.md');
    expect(existsSync(output)).toBe(false);
  });

  it('should write byte-identical chats when run twice with the same seed', async () => {
    const [first, second] = await Promise.all([temporaryDirectory('out'), temporaryDirectory('out')]);
    for (const output of [first, second])
      await runNode(GENERATE, ['--provider', 'simulated', '--seed', '9', '--output-dir', output]);
    const folder = 'simulated/dummy/u03/u03__2019-03-08';
    const [a, b] = await Promise.all(
      [first, second].map((root) => readFile(join(root, folder, 'chat.json'))),
    );
    expect(a?.equals(b as Buffer)).toBe(true);
  });

  it('should stop on Ctrl-C, keep whole sessions only, say so, and resume on the next run', async () => {
    const corpus = await temporaryDirectory('corpus-large');
    await writeSyntheticCorpus(corpus, {
      users: 5,
      tracks: 60,
      sessions: 200,
      tracksPerSession: 14,
      seed: 3,
    });
    const output = await temporaryDirectory('out');
    const args = [
      GENERATE,
      '--provider',
      'simulated',
      '--data',
      corpus,
      '--output-dir',
      output,
      '--concurrency',
      '1',
    ];
    const child = spawn('node', args, { cwd: REPO_ROOT, env: OFFLINE_ENV });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // One Ctrl-C: a second one ends the process at once, as in a terminal.
      if (stderr.includes('wrote ') && child.signalCode === null && !interrupted) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Stopped after writing \d+ conversation\(s\), 0 failed/);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      'tp2dg-generate: interrupted: finished sessions are kept; run the same command again to resume.',
    );
    const written = Number(/writing (\d+)/.exec(stdout)?.[1]);
    const userFolders = (await readdir(join(output, 'simulated', basename(corpus)), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const entries = (
      await Promise.all(userFolders.map((user) => readdir(join(output, 'simulated', basename(corpus), user))))
    ).flat();
    expect(entries.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(entries).toHaveLength(written);
    const resumed = await runNode(GENERATE, [...args.slice(1), '--sessions', String(written + 1)]);
    expect(resumed.stdout).toContain(`Already present: ${written}.`);
    expect(resumed.stdout).toContain('Wrote 1 conversation(s)');
  });

  it('should split the corpus into shards that together make the whole run', async () => {
    const [whole, split] = await Promise.all([temporaryDirectory('whole'), temporaryDirectory('split')]);
    await runNode(GENERATE, ['--provider', 'simulated', '--output-dir', whole]);
    const written: number[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const result = await runNode(GENERATE, [
        '--provider',
        'simulated',
        '--shard',
        shard,
        '--output-dir',
        split,
      ]);
      expect(result.code).toBe(0);
      written.push(Number(/Wrote (\d+)/.exec(result.stdout)?.[1]));
    }
    expect(written.reduce((sum, count) => sum + count, 0)).toBe(8);
    expect(written.filter((count) => count > 0).length).toBeGreaterThan(1);
    const chats = async (root: string) => {
      const entries = await readdir(root, { recursive: true });
      const files = entries.filter((entry) => entry.endsWith('chat.json')).sort();
      return Promise.all(files.map(async (file) => [file, await readFile(join(root, file), 'utf8')]));
    };
    expect(await chats(split)).toEqual(await chats(whole));
  });

  it('should reject an invalid option value before doing anything', async () => {
    const result = await runNode(GENERATE, ['--provider', 'simulated', '--turns', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--turns must be a whole number of at least 1');
  });
});
