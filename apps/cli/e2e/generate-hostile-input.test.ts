import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyOfDummy } from './support/corpus-copies.js';
import {
  DUMMY,
  GENERATE,
  OFFLINE_ENV,
  runNode,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';

/** A copy of the bundled corpus whose sessions `edit` may change. */
async function corpusWith(edit: (sessions: { session_id: string }[]) => void): Promise<string> {
  const dir = await copyOfDummy();
  const file = join(dir, 'playlists.json');
  const playlists = JSON.parse(await readFile(file, 'utf8'));
  edit(playlists.sessions);
  await writeFile(file, JSON.stringify(playlists));
  return dir;
}

async function sessionFiles(output: string): Promise<string[]> {
  if (!existsSync(output)) return [];
  const entries = await readdir(output, { recursive: true });
  return entries.filter((entry) => entry.endsWith('session.json'));
}

describe('tp2dg-generate with hostile input', () => {
  it('should refuse a single-value option given twice, with one line and nothing written', async () => {
    const output = join(await temporaryDirectory('twice'), 'out');
    const result = await runNode(GENERATE, [...simulatedRunArgs(DUMMY, output), '--data', DUMMY]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'tp2dg-generate: --data was given 2 times; give it once (see tp2dg-generate --help)',
    ]);
    expect(existsSync(output)).toBe(false);
  });

  it('should refuse --flex-fallback without --service-tier flex, where it would do nothing', async () => {
    const output = join(await temporaryDirectory('fallback'), 'out');
    const result = await runNode(GENERATE, [...simulatedRunArgs(DUMMY, output), '--flex-fallback', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--flex-fallback applies to --service-tier flex only');
    expect(existsSync(output)).toBe(false);
  });

  it('should refuse a FIFO named like a template in --prompts at once instead of hanging', async () => {
    const prompts = await temporaryDirectory('fifo-prompts');
    await promisify(execFile)('mkfifo', [join(prompts, 'reask.md')]);
    const output = join(prompts, 'out');
    const result = await runNode(GENERATE, [...simulatedRunArgs(DUMMY, output), '--prompts', prompts]);
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${join(prompts, 'reask.md')}: is not a regular file`);
    expect(existsSync(output)).toBe(false);
  });

  it('should escape terminal control codes from the corpus on stdout and stderr', async () => {
    const data = await corpusWith((sessions) => {
      const [first] = sessions;
      if (first !== undefined) first.session_id = 'red\u001b[31m\u001b]0;owned\u0007';
    });
    const output = await temporaryDirectory('escapes');
    const result = await runNode(GENERATE, [...simulatedRunArgs(data, output), '--progress', 'lines']);
    expect(result.code, result.stderr).toBe(0);
    for (const control of ['\u001b', '\u0007']) expect(result.stdout + result.stderr).not.toContain(control);
    expect(result.stderr).toContain('wrote red\\u001b[31m\\u001b]0;owned\\u0007');
  });

  it('should give a session id of 1,000 bytes a folder name that fits, the same on the next run', async () => {
    const longId = `${'é/.'.repeat(250)}end`;
    const data = await corpusWith((sessions) => {
      const [first] = sessions;
      if (first !== undefined) first.session_id = longId;
    });
    const output = await temporaryDirectory('long-id');
    const first = await runNode(GENERATE, [...simulatedRunArgs(data, output), '--sessions', '1']);
    expect(first.code, first.stderr).toBe(0);
    const [file] = await sessionFiles(output);
    const folderName = file?.split('/').at(-2) ?? '';
    expect(Buffer.byteLength(folderName)).toBeLessThanOrEqual(120);
    const saved = JSON.parse(await readFile(join(output, file ?? ''), 'utf8'));
    expect(saved.session_id).toBe(longId);
    const again = await runNode(GENERATE, [...simulatedRunArgs(data, output), '--sessions', '1']);
    expect(again.stdout).toContain('Already present: 1.');
  });

  it('should exit 0 with a warning when the corpus has no session to take', async () => {
    const data = await corpusWith((sessions) => sessions.splice(0));
    const output = await temporaryDirectory('empty');
    const result = await runNode(GENERATE, simulatedRunArgs(data, output));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('tp2dg-generate: warning: no session was selected from');
    expect(await sessionFiles(output)).toEqual([]);
  });

  it('should stop on SIGTERM as on Ctrl-C: exit 1, say so, keep what it finished', async () => {
    const output = await temporaryDirectory('sigterm');
    // One session at a time: at the default concurrency all 8 may be written before the signal.
    const args = simulatedRunArgs(DUMMY, output, '--progress', 'lines', '--concurrency', '1');
    const child = spawn('node', [GENERATE, ...args], { env: OFFLINE_ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const firstWritten = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('wrote ')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await Promise.race([firstWritten, exited]);
    child.kill('SIGTERM');
    const code = await exited;
    const written = await sessionFiles(output);
    expect(code, stderr).toBe(1);
    expect(stderr).toContain('interrupted: finished sessions are kept');
    expect(stdout).toMatch(/Stopped after writing \d+ conversation/);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(8);
    for (const file of written) JSON.parse(await readFile(join(output, file), 'utf8'));
  });
});
