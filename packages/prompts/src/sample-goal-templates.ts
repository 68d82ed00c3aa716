import { type GoalTemplate, type SeededRandom, Tp2dgError } from '@tp2dg/entities';

/**
 * Draws the candidate goals shown to the Goal agent: `count` distinct templates (3
 * in the paper). The random source is injected and seeded per session, so a rerun
 * offers the same candidates.
 */
export function sampleGoalTemplates(
  catalog: readonly GoalTemplate[],
  random: SeededRandom,
  count = 3,
): GoalTemplate[] {
  if (!Number.isInteger(count) || count < 1 || count > catalog.length) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `cannot sample ${count} goal templates from a catalog of ${catalog.length}; ask for 1 to ${catalog.length}`,
    );
  }
  return random.sample(catalog, count);
}
