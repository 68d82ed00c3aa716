import { RUBRIC_NAMES, type RubricName } from '@tp2dg/entities';
import { goalFit } from './goal-fit.js';
import { goalFulfilment } from './goal-fulfilment.js';
import { listenerRealism } from './listener-realism.js';
import { profileFit } from './profile-fit.js';
import { progressLabel } from './progress-label.js';
import { recommendationRelevance } from './recommendation-relevance.js';
import { recsysAccuracy } from './recsys-accuracy.js';
import type { Rubric } from './rubric.js';
import { thoughtCoherence } from './thought-coherence.js';

const BY_NAME: Readonly<Record<RubricName, Rubric>> = {
  goal_fit: goalFit,
  profile_fit: profileFit,
  progress_label: progressLabel,
  listener_realism: listenerRealism,
  recsys_accuracy: recsysAccuracy,
  recommendation_relevance: recommendationRelevance,
  thought_coherence: thoughtCoherence,
  goal_fulfilment: goalFulfilment,
};

/** Every rubric, in the order of `RUBRIC_NAMES`: the order of each `eval.json`'s judgements. */
export const RUBRICS: readonly Rubric[] = RUBRIC_NAMES.map((name) => BY_NAME[name]);
