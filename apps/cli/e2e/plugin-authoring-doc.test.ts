import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATE, REPO_ROOT, runNode, temporaryDirectory } from './support/run-command.js';

/** The example plugin of docs/plugin-authoring.md, in a project that depends on what it imports. */
async function projectWithDocPlugin(): Promise<string> {
  const doc = await readFile(join(REPO_ROOT, 'docs/plugin-authoring.md'), 'utf8');
  const start = doc.indexOf('```js\n// index.js\n');
  if (start < 0) throw new Error('docs/plugin-authoring.md has no ```js block starting with // index.js');
  const code = doc.slice(start + '```js\n'.length, doc.indexOf('\n```', start));
  const project = await temporaryDirectory('doc-plugin');
  await mkdir(join(project, 'node_modules', '@tp2dg'), { recursive: true });
  for (const name of ['data-loaders', 'entities']) {
    await symlink(join(REPO_ROOT, 'packages', name), join(project, 'node_modules', '@tp2dg', name), 'dir');
  }
  await symlink(
    join(REPO_ROOT, 'packages/data-loaders/node_modules/zod'),
    join(project, 'node_modules', 'zod'),
    'dir',
  );
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'doc-project', type: 'module' }));
  await writeFile(join(project, 'index.js'), `${code}\n`);
  await mkdir(join(project, 'corpus'));
  const rows = ['a', 'b', 'c', 'b', 'd'].map((id) => `s1\tu1\t${id}\tSong "${id}"\tArtist`);
  await writeFile(
    join(project, 'corpus', 'listens.tsv'),
    `${rows.join('\n')}\nshort\tu2\ta\tSong a\tArtist\n`,
  );
  return project;
}

describe('docs/plugin-authoring.md', () => {
  it('should show a minimal plugin that tp2dg-generate runs, options and skips included', async () => {
    const project = await projectWithDocPlugin();
    const args = ['--source', './index.js', '--data', 'corpus', '--profile-size', '2', '--turns', '1'];
    const result = await runNode(GENERATE, [...args, '--provider', 'simulated', '--output-dir', 'out'], {
      cwd: project,
    });
    expect(result.stderr).not.toContain('tp2dg-generate:');
    expect(result.stdout).toContain('Wrote 1 conversation(s)');
    expect(result.stdout).toContain('Skipped by the loader: 1');
    const badOption = await runNode(
      GENERATE,
      [...args, '--source-option', 'fiel=x', '--provider', 'simulated'],
      {
        cwd: project,
      },
    );
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('Data loader "tsv"');
  });
});
