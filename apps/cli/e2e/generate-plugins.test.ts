import { cp, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { installPackage } from '@tp2dg/plugin-resolution/testing';
import { describe, expect, it } from 'vitest';
import { GENERATE, REPO_ROOT, runNode, temporaryDirectory } from './support/run-command.js';

/**
 * A copy of the built CLI installed as a package would be (`<prefix>/node_modules/@tp2dg/cli`),
 * its own dependencies linked, so "next to the CLI" is a directory outside this repository.
 */
async function installCli(): Promise<{ prefix: string; bin: string }> {
  const prefix = await temporaryDirectory('prefix');
  const cliDir = join(prefix, 'node_modules', '@tp2dg', 'cli');
  await mkdir(cliDir, { recursive: true });
  await cp(join(REPO_ROOT, 'apps/cli/dist'), join(cliDir, 'dist'), { recursive: true });
  await cp(join(REPO_ROOT, 'apps/cli/package.json'), join(cliDir, 'package.json'));
  await symlink(join(REPO_ROOT, 'apps/cli/node_modules'), join(cliDir, 'node_modules'), 'dir');
  return { prefix, bin: join(cliDir, 'dist', 'generate.js') };
}

/** A loader published outside this repository: plain ESM, no dependency, one tiny session. */
const externalPlugin = (specificationVersion: string, withCreate = true) => `
const track = (id) => ({ track_id: id, title: 'Song ' + id, artist: 'Outside Artist', tags: ['external'] });
export default {
  specificationVersion: '${specificationVersion}',
  name: 'outside',
  ${withCreate ? 'create' : 'make'}: async (options) => ({
    specificationVersion: 'v1', id: 'outside', corpus: 'outside-corpus',
    async *sessions() {
      yield { session_id: 'outside-s1', user: { user_id: 'outside-u1', age_group: null, gender: null, country: null, preferred_language: null },
        profiling_tracks: [track('o1')], pool_tracks: [track('o2'), track('o3')] };
    },
  }),
};
`;

const simulated = (output: string) => ['--provider', 'simulated', '--output-dir', output, '--turns', '1'];

describe('tp2dg-generate --source with plugins', () => {
  it('should find tp2dg-data-loader-<name> installed next to the CLI, from any working directory', async () => {
    const { prefix, bin } = await installCli();
    await installPackage(prefix, 'tp2dg-data-loader-outside', externalPlugin('v1'), {
      keywords: ['tp2dg-data-loader'],
    });
    const elsewhere = await temporaryDirectory('cwd');
    const output = join(elsewhere, 'out');
    const result = await runNode(bin, ['--source', 'outside', '--profile-size', '1', ...simulated(output)], {
      cwd: elsewhere,
    });
    expect(result.stderr).not.toContain('tp2dg-generate:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote 1 conversation(s)');
    const [model] = await readdir(output).then((names) => names.filter((name) => !name.endsWith('.jsonl')));
    expect(await readdir(join(output, model as string, 'outside-corpus', 'outside-u1'))).toEqual([
      'outside-s1',
    ]);
  });

  it('should refuse a plugin of another spec version or without create, saying what was tried', async () => {
    const { prefix, bin } = await installCli();
    await installPackage(prefix, 'tp2dg-data-loader-future', externalPlugin('v2'), {
      keywords: ['tp2dg-data-loader'],
    });
    await installPackage(prefix, 'tp2dg-data-loader-half', externalPlugin('v1', false), {
      keywords: ['tp2dg-data-loader'],
    });
    const elsewhere = await temporaryDirectory('cwd');
    const future = await runNode(bin, ['--source', 'future', ...simulated(join(elsewhere, 'out'))], {
      cwd: elsewhere,
    });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('tp2dg-data-loader-future');
    expect(future.stderr).toContain('specificationVersion "v2"');
    const half = await runNode(bin, ['--source', 'half', ...simulated(join(elsewhere, 'out'))], {
      cwd: elsewhere,
    });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('"create" must be a function');
    const missing = await runNode(bin, ['--source', 'absent', ...simulated(join(elsewhere, 'out'))], {
      cwd: elsewhere,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('@tp2dg/data-loader-absent, tp2dg-data-loader-absent');
    expect(missing.stderr).toContain(`from ${elsewhere} or `);
  });

  it('should run the bundled jsonl loader out of the box with --source-option and --source-config', async () => {
    const corpus = await temporaryDirectory('jsonl');
    const tracks = Array.from({ length: 4 }, (_, index) => ({
      track_id: `j${index}`,
      title: `T${index}`,
      artist: 'A',
    }));
    const lines = [
      { format: 'tp2dg-sessions', version: 1, corpus: 'from-jsonl' },
      { session_id: 'js1', user: { user_id: 'ju1', country: 'FI' }, tracks },
      '{"session_id": "broken',
    ];
    await writeFile(
      join(corpus, 'sessions.jsonl'),
      `${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`,
    );
    await writeFile(join(corpus, 'loader.json'), JSON.stringify({ dir: corpus, strict: true }));
    const output = join(corpus, 'out');
    const args = ['--source', 'jsonl', '--source-config', 'loader.json', '--source-option', 'strict=false'];
    const result = await runNode(GENERATE, [...args, '--profile-size', '2', ...simulated(output)], {
      cwd: corpus,
    });
    expect(result.stderr).not.toContain('tp2dg-generate:');
    expect(result.stdout).toContain('Wrote 1 conversation(s)');
    expect(result.stdout).toContain('Skipped by the loader: 1');
    const strict = await runNode(
      GENERATE,
      [
        '--source',
        'jsonl',
        '--source-option',
        `dir=${corpus}`,
        '--source-option',
        'strict=yes',
        '--profile-size',
        '2',
        ...simulated(join(corpus, 'out2')),
      ],
      { cwd: corpus },
    );
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain(`${join(corpus, 'sessions.jsonl')}:3: not valid JSON`);
  });

  it('should refuse a bad option of the mpd loader in one line naming loader and option', async () => {
    const elsewhere = await temporaryDirectory('cwd');
    const result = await runNode(
      GENERATE,
      ['--source', 'mpd', '--source-option', 'sample=2', ...simulated(join(elsewhere, 'out'))],
      { cwd: elsewhere },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Data loader "mpd": option "sample"');
  });
});
