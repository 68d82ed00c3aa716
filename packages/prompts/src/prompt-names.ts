/**
 * The templates every prompt set holds. Agents render them by these names, so the
 * list (and each template's params and reply fields) is a contract, not a detail.
 */
export const PROMPT_NAMES = [
  'profile',
  'goal',
  'listener-system',
  'listener-priming',
  'listener-first-turn',
  'listener-turn-2',
  'listener-turn-n',
  'recsys-system',
  'recsys-priming',
  'recsys-turn',
  'reply-format-yaml',
  'reply-format-json',
  'reask',
] as const;

/** The name of one template, which is also its file name without `.md`. */
export type PromptName = (typeof PROMPT_NAMES)[number];
