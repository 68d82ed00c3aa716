import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CallRecordSchema, SessionFileSchema } from '@tp2dg/entities';
import { RunManifestSchema } from '@tp2dg/orchestrator';
import { installPackage } from '@tp2dg/plugin-resolution/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUMMY, GENERATE, runNode, temporaryDirectory } from './support/run-command.js';

const CAPABILITIES = `{
  media: [{ mimeType: 'image/*', delivery: 'inline' }, { mimeType: 'audio/*', delivery: 'inline' }],
  jsonSchemaReplies: false, systemInstructions: true, caching: 'none', batch: false,
  prices: 'unpriced', freeAndDeterministic: false,
}`;

/**
 * A third-party provider as a user installs it: plain ESM, no dependency (a Standard Schema
 * needs no zod), one option (`greeting`). It answers as the app's offline model would, under its own name and model,
 * so a whole run completes without a service.
 */
const ECHO_PLUGIN = `
const capabilities = ${CAPABILITIES};
export default {
  specificationVersion: 'v1',
  name: 'echo',
  optionsSchema: {
    '~standard': {
      version: 1,
      vendor: 'echo',
      validate(value) {
        const unknown = Object.keys(value).find((key) => key !== 'greeting');
        return unknown === undefined ? { value } : { issues: [{ message: 'not an option of echo', path: [unknown] }] };
      },
    },
  },
  capabilities,
  create: (options, context) => ({
    specificationVersion: 'v1',
    provider: 'echo',
    modelId: context.model,
    capabilities,
    forSession(session) {
      const offline = context.simulatedModel(session);
      return { provider: 'echo', model: context.model, generate: (request) => offline.generate(request) };
    },
  }),
};
`;

describe('tp2dg-generate --provider NAME of an installed provider package', () => {
  let project: string;
  beforeAll(async () => {
    project = await temporaryDirectory('provider-plugin');
    await installPackage(project, 'tp2dg-provider-echo', ECHO_PLUGIN);
    await installPackage(
      project,
      'tp2dg-provider-broken',
      "export default { specificationVersion: 'v1', name: 'broken' };\n",
    );
  });
  afterAll(() => rm(project, { recursive: true, force: true }));

  const args = [
    '--provider',
    'echo',
    '--model',
    'echo-1',
    '--data',
    DUMMY,
    '--output-dir',
    'out',
    '--sessions',
    '1',
  ];

  it('should find tp2dg-provider-echo from the working directory and write whole conversations through it', async () => {
    const result = await runNode(GENERATE, [...args, '--provider-option', 'greeting=hi'], { cwd: project });
    expect(result.stderr).not.toContain('tp2dg-generate:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote 1 conversation(s)');
    expect(result.stdout).not.toContain('Simulated offline run');
    const corpusRoot = join(project, 'out', 'echo-1', 'dummy');
    const entries = await readdir(corpusRoot, { recursive: true, withFileTypes: true });
    const read = (name: string) =>
      Promise.all(
        entries
          .filter((entry) => entry.name === name)
          .map((entry) => readFile(join(entry.parentPath, name), 'utf8')),
      );
    const [session] = (await read('session.json')).map((text) => SessionFileSchema.parse(JSON.parse(text)));
    expect(session?.turns_completed).toBe(8);
    expect(session?.provenance).toMatchObject({ provider: 'echo', model: 'echo-1' });
    // Not free and deterministic: every call is journaled, under the provider's name.
    const [journal] = await read('calls.jsonl');
    const calls = (journal ?? '')
      .trim()
      .split('\n')
      .map((line) => CallRecordSchema.parse(JSON.parse(line)));
    expect(calls.length).toBeGreaterThan(8);
    expect(new Set(calls.map((call) => `${call.provider} ${call.model}`))).toEqual(new Set(['echo echo-1']));
    const manifest = RunManifestSchema.parse(
      JSON.parse(await readFile(join(corpusRoot, 'run-manifest.json'), 'utf8')),
    );
    expect(manifest.settings).toMatchObject({ provider: 'echo', model: 'echo-1' });
  });

  it("should refuse, in one line, an option the provider's schema does not take", async () => {
    const result = await runNode(GENERATE, [...args, '--provider-option', 'colour=blue'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'tp2dg-generate: Model provider "echo": option "colour": not an option of echo (got "blue"). Fix --provider-option colour=VALUE or "colour" in the --provider-config file.',
    ]);
  });

  it('should refuse, in one line naming the package, one that is not a provider plugin', async () => {
    const result = await runNode(GENERATE, ['--provider', 'broken', '--data', DUMMY, '--output-dir', 'out'], {
      cwd: project,
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^tp2dg-generate: .*tp2dg-provider-broken.* is not a model provider plugin: "optionsSchema" must be/,
      ),
    ]);
  });
});
