import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Tp2dgError } from '@tp2dg/entities';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPromptSet } from './load-prompt-set.js';

let overridesDir = '';

beforeEach(async () => {
  overridesDir = await mkdtemp(path.join(tmpdir(), 'tp2dg-prompts-'));
});

afterEach(async () => {
  await rm(overridesDir, { recursive: true, force: true });
});

const reask = (params: string, body: string): string =>
  `---\ndescription: Shorter re-ask.\nparams: ${params}\nreply: []\n---\n${body}\n`;

async function loadError(): Promise<Tp2dgError> {
  const error = await loadPromptSet({ overridesDir }).catch((caught: unknown) => caught);
  if (!Tp2dgError.isInstance(error)) throw new Error(`expected a Tp2dgError, got ${String(error)}`);
  return error;
}

describe('loadPromptSet', () => {
  it('should give the same hash across two loads', async () => {
    const first = await loadPromptSet();
    const second = await loadPromptSet();
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.hash).toBe(first.hash);
  });

  it('should replace a built-in body with an override and change the hash', async () => {
    await writeFile(
      path.join(overridesDir, 'reask.md'),
      reask('[fields, problem]', 'Again: {{problem}} / {{fields}}'),
    );
    await writeFile(path.join(overridesDir, 'notes.txt'), 'not a template, ignored');
    const builtIn = await loadPromptSet();
    const overridden = await loadPromptSet({ overridesDir });
    expect(overridden.render('reask', { problem: 'p', fields: 'f' })).toBe('Again: p / f');
    expect(overridden.get('reask').source).toBe(path.join(overridesDir, 'reask.md'));
    expect(overridden.get('goal').body).toBe(builtIn.get('goal').body);
    expect(overridden.hash).not.toBe(builtIn.hash);
  });

  it('should reject an override whose name is not a known template, listing the known names', async () => {
    await writeFile(path.join(overridesDir, 'recsys-turns.md'), reask('[]', 'x'));
    const error = await loadError();
    expect(error.code).toBe('PROMPT_TEMPLATE');
    expect(error.message).toContain('recsys-turns.md: recsys-turns is not a known template');
    expect(error.message).toContain('recsys-turn, reply-format-yaml');
  });

  it('should reject an override whose params differ, saying expected and found', async () => {
    await writeFile(path.join(overridesDir, 'reask.md'), reask('[problem]', 'Again: {{problem}}'));
    const error = await loadError();
    expect(error.code).toBe('PROMPT_TEMPLATE');
    expect(error.message).toContain('params differ from the built-in reask template');
    expect(error.message).toContain('expected [problem, fields], found [problem]');
  });

  it('should reject an override whose reply fields differ', async () => {
    const text =
      '---\ndescription: x\nparams: [turn_count, initial_query_examples, language]\nreply: [message]\n---\n{{turn_count}} {{initial_query_examples}} {{language}}';
    await writeFile(path.join(overridesDir, 'listener-first-turn.md'), text);
    const error = await loadError();
    expect(error.message).toContain('expected [thought, message], found [message]: it lacks thought)');
  });

  it('should refuse a template written for the old params, naming the new ones', async () => {
    const before = [
      '---',
      'description: the turn-2 template of tp2dg before the language and pacing params',
      'params: [track, recsys_message, target_turn_count]',
      'reply: [thought, goal_progress_assessment, message]',
      '---',
      '{{track}} {{recsys_message}} {{target_turn_count}} thought goal_progress_assessment message',
    ].join('\n');
    await writeFile(path.join(overridesDir, 'listener-turn-2.md'), before);
    const error = await loadError();
    expect(error.message).toContain(
      'expected [turn_count, track, track_contents, recsys_message, target_turn_count, language], found [track, recsys_message, target_turn_count]: it lacks turn_count, track_contents, language)',
    );
  });

  it('should report an invalid override by its path', async () => {
    await writeFile(path.join(overridesDir, 'reask.md'), reask('[problem, fields]', '{{problem}} only'));
    const error = await loadError();
    expect(error.message).toContain(`${path.join(overridesDir, 'reask.md')}: params declares fields`);
  });

  it('should reject an overrides directory that does not exist', async () => {
    const error = await loadPromptSet({ overridesDir: path.join(overridesDir, 'missing') }).catch(
      (caught) => caught,
    );
    expect(Tp2dgError.isInstance(error) && error.code).toBe('PROMPT_TEMPLATE');
    expect(String(error.message)).toContain('cannot read the prompts directory');
  });

  it.each([
    ['a folder', (file: string) => mkdir(file)],
    ['a FIFO', async (file: string) => void (await promisify(execFile)('mkfifo', [file]))],
  ])(
    'should refuse %s named like a template instead of ignoring it or waiting on it',
    async (_kind, make) => {
      const source = path.join(overridesDir, 'reask.md');
      await make(source);
      const error = await loadError();
      expect(error.code).toBe('PROMPT_TEMPLATE');
      expect(error.message).toContain(`${source}: is not a regular file`);
    },
  );
});
