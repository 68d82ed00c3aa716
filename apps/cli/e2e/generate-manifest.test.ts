import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunManifestSchema } from '@tp2dg/orchestrator';
import { describe, expect, it } from 'vitest';
import { DUMMY, GENERATE, runNode, simulatedRunArgs, temporaryDirectory } from './support/run-command.js';

const generate = (output: string, sessions: number, ...more: string[]) =>
  runNode(GENERATE, simulatedRunArgs(DUMMY, output, '--sessions', `${sessions}`, ...more));

describe('tp2dg-generate and its run manifest', () => {
  it('should record the settings and versions, refuse a changed setting, and go on with --force or --fresh', async () => {
    const output = await temporaryDirectory('manifest');
    const manifestPath = join(output, 'simulated', 'dummy', 'run-manifest.json');
    expect((await generate(output, 2)).code).toBe(0);
    const manifest = RunManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
    expect(manifest.settings).toMatchObject({
      seed: 42,
      turns_requested: 8,
      temperature: null,
      media_resolution: 'low',
    });
    // --concurrency auto without --rpm or --tpm: the documented default, recorded as resolved.
    expect(manifest.run_options).toMatchObject({ concurrency: 64, concurrency_option: 'auto', rpm: null });
    expect(Object.keys(manifest.versions)).toEqual(
      expect.arrayContaining(['@tp2dg/cli', '@tp2dg/orchestrator']),
    );

    const refused = await generate(output, 2, '--seed', '7');
    expect(refused.code).toBe(2);
    const errorLines = refused.stderr.trim().split('\n');
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(
      /run-manifest\.json: this run was made with seed 42, this command has 7\..*--fresh.*--force/,
    );

    // How the model samples shapes every reply: a setting too.
    const warmer = await generate(output, 2, '--temperature', '0.5');
    expect(warmer.code).toBe(2);
    expect(warmer.stderr).toContain('this run was made with temperature null, this command has 0.5.');

    const forced = await generate(output, 3, '--seed', '7', '--force', '--concurrency', '3');
    expect(forced.code).toBe(0);
    const resumed = RunManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
    // How many calls are in flight is a run option: it may change as a run resumes.
    expect(resumed.run_options).toMatchObject({ concurrency: 3, concurrency_option: 3 });
    expect(forced.stdout).toContain('Wrote 1 conversation(s)');
    expect(forced.stdout).toContain('Already present: 2.');

    const fresh = await generate(output, 2, '--seed', '7', '--fresh');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('Wrote 2 conversation(s)');
    expect(fresh.stdout).toContain('Already present: 0.');
    const restarted = RunManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
    expect(restarted).toMatchObject({ settings: { seed: 7 }, forced_changes: [] });
  });
});
