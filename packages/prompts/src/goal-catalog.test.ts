import { GOAL_CATEGORY_CODES, SPECIFICITY_CODES, Tp2dgError } from '@tp2dg/entities';
import { dump as stringify } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadGoalCatalog, parseGoalCatalog } from './goal-catalog.js';

function parseError(text: string): Tp2dgError {
  try {
    parseGoalCatalog(text, '/catalog.yaml');
  } catch (error) {
    if (Tp2dgError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected parseGoalCatalog to throw');
}

describe('loadGoalCatalog', () => {
  it('should hold 44 templates, one per category and specificity', async () => {
    const catalog = await loadGoalCatalog();
    expect(catalog).toHaveLength(44);
    const pairs = catalog.map((template) => `${template.category_code}${template.specificity_code}`).sort();
    const expected = GOAL_CATEGORY_CODES.flatMap((category) =>
      SPECIFICITY_CODES.map((specificity) => `${category}${specificity}`),
    ).sort();
    expect(pairs).toEqual(expected);
  });

  it('should give every template at least two examples of each kind', async () => {
    for (const template of await loadGoalCatalog()) {
      expect(template.initial_query_examples.length).toBeGreaterThanOrEqual(2);
      expect(template.iteration_query_examples.length).toBeGreaterThanOrEqual(2);
      expect(template.achieved_query_examples.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('should not repeat a listener goal or an example query', async () => {
    const catalog = await loadGoalCatalog();
    const goals = catalog.map((template) => template.listener_goal);
    expect(new Set(goals).size).toBe(goals.length);
    const examples = catalog.flatMap((template) => [
      ...template.initial_query_examples,
      ...template.iteration_query_examples,
      ...template.achieved_query_examples,
    ]);
    expect(new Set(examples).size).toBe(examples.length);
  });

  it('should use one category name per category code and vary expertise', async () => {
    const catalog = await loadGoalCatalog();
    for (const code of GOAL_CATEGORY_CODES) {
      const names = new Set(catalog.filter((t) => t.category_code === code).map((t) => t.category));
      expect(names.size).toBe(1);
    }
    expect(new Set(catalog.map((template) => template.listener_expertise))).toEqual(
      new Set(['low', 'neutral', 'high']),
    );
  });
});

describe('parseGoalCatalog', () => {
  it('should name the file, entry and field of an invalid entry', async () => {
    const catalog = await loadGoalCatalog();
    const broken = catalog.map((template, index) =>
      index === 5 ? { ...template, listener_expertise: 'guru' } : template,
    );
    const error = parseError(stringify(broken));
    expect(error.code).toBe('PROMPT_TEMPLATE');
    expect(error.message).toMatch(/^\/catalog\.yaml: entry 6 \(BHL\) field listener_expertise:/);
  });

  it('should reject a duplicated pair and name both entries', async () => {
    const catalog = await loadGoalCatalog();
    const duplicated = [...catalog, catalog[0]];
    expect(parseError(stringify(duplicated)).message).toContain('entries 1 and 45 are both ALL');
  });

  it('should reject a catalog with a missing pair', async () => {
    const catalog = await loadGoalCatalog();
    const missing = catalog.filter((t) => !(t.category_code === 'K' && t.specificity_code === 'HH'));
    expect(parseError(stringify(missing)).message).toContain('no template for KHH');
  });
});
