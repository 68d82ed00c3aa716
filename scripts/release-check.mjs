#!/usr/bin/env node
/**
 * `pnpm release:check`: what a user of the published packages would get, checked before any
 * publish. Packs every public package as `pnpm publish` would (workspace versions replaced),
 * lints each tarball with publint (warnings are errors) and checks its types with attw under
 * the ESM-only profile (the packages ship no CommonJS), checks each ships the root LICENSE,
 * then installs the tarballs with npm in a temporary folder outside the repo and runs the CLI
 * there with no arguments beyond `--provider simulated`, then the summary with none at all and
 * with `--html`, whose report must hold its charting library and the corpus's audio.
 * Prints one line per check; stops at the first failure with exit code 1, its folders removed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(repo, 'node_modules', '.bin', name);

/** A failed check: what failed and what it printed. Thrown so the temporary folders are removed. */
class CheckFailure extends Error {}

/** Runs a command; on failure ends the check with what it printed. */
async function step(label, command, args, options = {}) {
  try {
    const result = await run(command, args, { maxBuffer: 64 * 1024 * 1024, ...options });
    console.log(`ok   ${label}`);
    return result.stdout;
  } catch (error) {
    throw new CheckFailure(`FAIL ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** The public packages of the workspace, with their folders. */
async function publicPackages() {
  const { stdout } = await run('pnpm', ['-r', 'ls', '--depth', '-1', '--json'], { cwd: repo });
  return JSON.parse(stdout).filter(
    (entry) => entry.private !== true && entry.path !== repo.replace(/\/$/, ''),
  );
}

const workspace = await publicPackages();
const packs = await mkdtemp(join(tmpdir(), 'tp2dg-release-packs-'));
const install = await mkdtemp(join(tmpdir(), 'tp2dg-release-install-'));
try {
  await step('build', 'pnpm', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: repo });
  const license = await readFile(join(repo, 'LICENSE'), 'utf8');
  const tarballs = [];
  for (const { name, path } of workspace) {
    const packed = await step(`pack ${name}`, 'pnpm', ['pack', '--pack-destination', packs], { cwd: path });
    const tarball = packed.trim().split('\n').at(-1);
    tarballs.push(tarball);
    await step(`publint ${name}`, bin('publint'), ['run', tarball, '--strict']);
    await step(`attw --profile esm-only ${name}`, bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'ascii',
    ]);
    const listing = await step(`LICENSE in ${name}`, 'tar', ['-xzOf', tarball, 'package/LICENSE']);
    if (listing !== license) {
      throw new CheckFailure(`FAIL ${name}'s LICENSE differs from the root LICENSE: copy it again`);
    }
  }
  // A project of its own, so npm never looks up into the repo's workspace.
  await writeFile(join(install, 'package.json'), '{"name": "tp2dg-release-check", "private": true}\n');
  await step(
    'npm install of every tarball outside the repo',
    'npm',
    ['install', '--no-audit', '--no-fund', ...tarballs],
    {
      cwd: install,
    },
  );
  const env = { ...process.env, GEMINI_API_KEY: '', GOOGLE_API_KEY: '' };
  const generated = await step(
    'tp2dg-generate --provider simulated (installed)',
    'npx',
    ['--no-install', 'tp2dg-generate', '--provider', 'simulated'],
    {
      cwd: install,
      env,
    },
  );
  console.log(`     ${generated.trim().split('\n')[0]}`);
  const summary = await step('tp2dg-summary (installed)', 'npx', ['--no-install', 'tp2dg-summary'], {
    cwd: install,
    env,
  });
  console.log(`     ${summary.trim().split('\n')[0]}`);
  // The HTML report reads its page script from the installed package and the media from the
  // corpus the installed CLI read: both must be found outside the repository.
  const report = join(install, 'report.html');
  await step('tp2dg-summary --html (installed)', 'npx', ['--no-install', 'tp2dg-summary', '--html', report], {
    cwd: install,
    env,
  });
  const html = await readFile(report, 'utf8');
  if (!html.includes('Chart.js v4') || !html.includes('data:audio/')) {
    throw new CheckFailure('FAIL the installed HTML report lacks its charting library or its audio');
  }
  console.log(`release check: ${workspace.length} packages packed, linted, installed and run`);
} catch (error) {
  if (!(error instanceof CheckFailure)) throw error;
  console.log(error.message);
  process.exitCode = 1;
} finally {
  await rm(packs, { recursive: true, force: true });
  await rm(install, { recursive: true, force: true });
}
