import { RUBRIC_NAMES, type RubricName } from '@tp2dg/entities';

/**
 * Reads `--min-score RUBRIC=N ...` into the minimum of each rubric: a rubric tp2dg-eval scores,
 * and N on its scale, 1 to 4 (a mean may fall between). Throws a message yargs shows as a usage
 * error.
 */
export function parseMinScores(values: readonly string[]): Partial<Record<RubricName, number>> {
  const minScores: Partial<Record<RubricName, number>> = {};
  for (const value of values) {
    const [rubric = '', text = ''] = String(value).split('=');
    const minimum = Number(text);
    if (!(RUBRIC_NAMES as readonly string[]).includes(rubric)) {
      throw new Error(`--min-score ${value}: name one of the rubrics ${RUBRIC_NAMES.join(', ')} before =`);
    }
    if (text.trim() === '' || !(minimum >= 1 && minimum <= 4)) {
      throw new Error(`--min-score ${value}: the score after = must be between 1 and 4`);
    }
    if (rubric in minScores) throw new Error(`--min-score gives ${rubric} twice; give it once`);
    minScores[rubric as RubricName] = minimum;
  }
  return minScores;
}
