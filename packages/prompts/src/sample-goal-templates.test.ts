import { createSeededRandom, Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { loadGoalCatalog } from './goal-catalog.js';
import { sampleGoalTemplates } from './sample-goal-templates.js';

const key = (template: { category_code: string; specificity_code: string }): string =>
  `${template.category_code}${template.specificity_code}`;

describe('sampleGoalTemplates', () => {
  it('should draw 3 distinct templates by default', async () => {
    const catalog = await loadGoalCatalog();
    const sample = sampleGoalTemplates(catalog, createSeededRandom('run-1', 'session-a', 'goal'));
    expect(sample).toHaveLength(3);
    expect(new Set(sample.map(key)).size).toBe(3);
  });

  it('should draw the same templates for the same seed', async () => {
    const catalog = await loadGoalCatalog();
    const first = sampleGoalTemplates(catalog, createSeededRandom('run-1', 'session-a', 'goal'));
    const second = sampleGoalTemplates(catalog, createSeededRandom('run-1', 'session-a', 'goal'));
    expect(second.map(key)).toEqual(first.map(key));
  });

  it('should draw different templates across seeds', async () => {
    const catalog = await loadGoalCatalog();
    const draws = ['s1', 's2', 's3', 's4', 's5', 's6'].map((session) =>
      sampleGoalTemplates(catalog, createSeededRandom('run-1', session, 'goal'))
        .map(key)
        .join(','),
    );
    expect(new Set(draws).size).toBeGreaterThan(1);
  });

  it('should reject a count larger than the catalog', async () => {
    const catalog = (await loadGoalCatalog()).slice(0, 2);
    const attempt = () => sampleGoalTemplates(catalog, createSeededRandom('x'), 3);
    expect(attempt).toThrow(/cannot sample 3 goal templates from a catalog of 2/);
    try {
      attempt();
    } catch (error) {
      expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
    }
  });
});
