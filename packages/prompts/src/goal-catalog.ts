import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GOAL_CATEGORY_CODES,
  type GoalTemplate,
  GoalTemplateSchema,
  SPECIFICITY_CODES,
  Tp2dgError,
} from '@tp2dg/entities';
import { CORE_SCHEMA, load } from 'js-yaml';
import { TEMPLATES_DIRECTORY } from './templates-directory.js';

/** Where the shipped catalog lives; exported for messages and tooling, not for editing. */
export const GOAL_CATALOG_PATH: string = path.join(TEMPLATES_DIRECTORY, 'goal-catalog.yaml');

/**
 * Loads the 44 goal templates (11 categories x 4 specificities), validated against
 * GoalTemplateSchema. The Goal agent draws candidates from it, so a gap or a duplicate
 * would silently skew the distribution of goals: both are load errors.
 */
export async function loadGoalCatalog(): Promise<GoalTemplate[]> {
  return parseGoalCatalog(await readFile(GOAL_CATALOG_PATH, 'utf8'), GOAL_CATALOG_PATH);
}

/** Parses and checks catalog text; `source` names the file in error messages. */
export function parseGoalCatalog(text: string, source: string): GoalTemplate[] {
  const fail = (problem: string, fix: string, cause?: unknown): Tp2dgError =>
    new Tp2dgError('PROMPT_TEMPLATE', `${source}: ${problem}; ${fix}`, { cause });
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw fail(`not valid YAML (${reason})`, 'fix the YAML syntax', error);
  }
  if (!Array.isArray(data)) throw fail('the catalog is not a list', 'write one list item per goal template');

  const catalog = data.map((entry: unknown, index) => {
    const result = GoalTemplateSchema.safeParse(entry);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || '(entry)';
    throw fail(
      `entry ${index + 1} (${describeEntry(entry)}) field ${field}: ${issue?.message ?? 'invalid'}`,
      'make the entry match GoalTemplateSchema',
      result.error,
    );
  });

  const seen = new Map<string, number>();
  catalog.forEach((template, index) => {
    const pair = `${template.category_code}${template.specificity_code}`;
    const first = seen.get(pair);
    if (first !== undefined) {
      throw fail(`entries ${first + 1} and ${index + 1} are both ${pair}`, 'keep one template per pair');
    }
    seen.set(pair, index);
  });
  const missing = GOAL_CATEGORY_CODES.flatMap((category) =>
    SPECIFICITY_CODES.map((specificity) => `${category}${specificity}`),
  ).filter((pair) => !seen.has(pair));
  if (missing.length > 0) {
    throw fail(`no template for ${missing.join(', ')}`, 'add one entry per category and specificity');
  }
  return catalog;
}

function describeEntry(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return 'not a mapping';
  const record = entry as Record<string, unknown>;
  return `${String(record.category_code ?? '?')}${String(record.specificity_code ?? '?')}`;
}
