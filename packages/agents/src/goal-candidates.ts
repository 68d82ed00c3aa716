import { createSeededRandom, type GoalTemplate } from '@tp2dg/entities';
import { sampleGoalTemplates } from '@tp2dg/prompts';

/** The catalog templates offered to the Goal agent for one session: seeded, order-independent. */
export function goalCandidates(
  catalog: readonly GoalTemplate[],
  seed: number,
  sessionId: string,
): GoalTemplate[] {
  return sampleGoalTemplates(catalog, createSeededRandom(seed, sessionId, 'goal-candidates'));
}

export function goalTemplateCode(template: Pick<GoalTemplate, 'category_code' | 'specificity_code'>): string {
  return `${template.category_code}-${template.specificity_code}`;
}
