import { fileURLToPath } from 'node:url';
import { type LoadPromptSetOptions, loadTemplateSet, type TemplateSet } from '@tp2dg/prompts';

/** The judges' templates: their system instruction, the reply they write, and one rubric each. */
export const JUDGE_TEMPLATE_NAMES = [
  'judge-system',
  'judge-reply',
  'judge-goal-fit',
  'judge-profile-fit',
  'judge-progress-label',
  'judge-listener-realism',
  'judge-recsys-accuracy',
  'judge-recommendation-relevance',
  'judge-thought-coherence',
  'judge-goal-fulfilment',
] as const;

export type JudgeTemplateName = (typeof JUDGE_TEMPLATE_NAMES)[number];

/** The templates a judge renders; `hash` is the rubrics hash every `eval.json` records. */
export type JudgeTemplates = TemplateSet<JudgeTemplateName>;

/** The shipped `templates/` folder, one level above this module in `src/` (tests) and in `dist/`. */
export const JUDGE_TEMPLATES_DIRECTORY: string = fileURLToPath(new URL('../templates/', import.meta.url));

/**
 * The built-in judge templates, each replaced by a `<name>.md` of `overridesDir` when there is
 * one (`tp2dg-eval --prompts DIR`), with the same rules as the agents' templates: an override
 * keeps its template's params and reply fields.
 */
export function loadJudgeTemplates(options: LoadPromptSetOptions = {}): Promise<JudgeTemplates> {
  return loadTemplateSet({ ...options, names: JUDGE_TEMPLATE_NAMES, directory: JUDGE_TEMPLATES_DIRECTORY });
}
