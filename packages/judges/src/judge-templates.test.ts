import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JUDGE_REPLY_KEYS } from './judge-reply.js';
import { JUDGE_TEMPLATE_NAMES, loadJudgeTemplates } from './judge-templates.js';
import { RUBRICS } from './rubrics/all-rubrics.js';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('judge templates', () => {
  it('should have a template for every rubric, each asking for a score and a rationale', async () => {
    const templates = await loadJudgeTemplates();
    const rubricTemplates = RUBRICS.map((rubric) => rubric.template);
    expect([...JUDGE_TEMPLATE_NAMES].sort()).toEqual(
      ['judge-reply', 'judge-system', ...rubricTemplates].sort(),
    );
    for (const name of [...rubricTemplates, 'judge-reply' as const]) {
      expect(templates.get(name).reply, name).toEqual(JUDGE_REPLY_KEYS);
    }
    const reply = templates.get('judge-reply').body;
    for (const key of JUDGE_REPLY_KEYS) expect(reply).toContain(`${key}:`);
    expect(templates.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should take a reworded template from --prompts, change the hash, and refuse a name it does not know', async () => {
    const overrides = await mkdtemp(join(tmpdir(), 'tp2dg-judge-prompts-'));
    folders.push(overrides);
    const builtIn = await loadJudgeTemplates();
    const source = await readFile(builtIn.get('judge-goal-fit').source, 'utf8');
    await writeFile(join(overrides, 'judge-goal-fit.md'), source.replace('Rubric: is', 'Question: is'));
    const reworded = await loadJudgeTemplates({ overridesDir: overrides });
    expect(reworded.get('judge-goal-fit').body).toContain('Question: is this listener goal grounded');
    expect(reworded.hash).not.toBe(builtIn.hash);

    await writeFile(join(overrides, 'recsys-turn.md'), source);
    await expect(loadJudgeTemplates({ overridesDir: overrides })).rejects.toMatchObject({
      code: 'PROMPT_TEMPLATE',
      message: expect.stringContaining(
        'recsys-turn is not a known template; name override files after one of judge-system',
      ),
    });
  });
});
