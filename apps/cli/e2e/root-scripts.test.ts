import { beforeAll, describe, expect, it } from 'vitest';
import {
  DUMMY,
  GENERATE,
  runNode,
  runProgram,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';

// The repository's root scripts and links, as a newcomer uses them: each builds (a cache hit
// after the suite's own build) and prints nothing but its command's output on stdout.
describe('the root scripts of the repository', () => {
  let output = '';
  beforeAll(async () => {
    output = await temporaryDirectory('root-scripts');
    const run = await runNode(GENERATE, simulatedRunArgs(DUMMY, output, '--sessions', '2'));
    expect(run.code).toBe(0);
  });

  it('should pipe the JSON summary through `pnpm --silent summary --json`', async () => {
    const result = await runProgram('pnpm', ['--silent', 'summary', '--input', output, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).conversations.total).toBe(2);
  });

  it('should show the help of `pnpm --silent generate --help` and nothing of the build', async () => {
    const result = await runProgram('pnpm', ['--silent', 'generate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('tp2dg-generate [options]')).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('should link the bins at the root for `pnpm exec`', async () => {
    const summary = await runProgram('pnpm', ['exec', 'tp2dg-summary', '--input', output, '--json']);
    expect(JSON.parse(summary.stdout).conversations.total).toBe(2);
    const help = await runProgram('pnpm', ['exec', 'tp2dg-generate', '--help']);
    expect(help.stdout.startsWith('tp2dg-generate [options]')).toBe(true);
    const exportHelp = await runProgram('pnpm', ['exec', 'tp2dg-export', '--help']);
    expect(exportHelp.stdout.startsWith('tp2dg-export --input DIR --out DATASET_DIR')).toBe(true);
  });
});
