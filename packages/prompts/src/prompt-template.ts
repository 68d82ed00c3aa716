import type { PromptName } from './prompt-names.js';

/**
 * One template file, parsed and checked: its front matter plus the body to render. `Name` is
 * the names of its set: the agents' prompts by default, or another set's (the judges').
 */
export interface PromptTemplate<Name extends string = PromptName> {
  name: Name;
  /** One line saying where the template is used. */
  description: string;
  /** Every `{{placeholder}}` the body uses, exactly. */
  params: readonly string[];
  /** The fields the model must return after this prompt (empty when it returns none). */
  reply: readonly string[];
  body: string;
  /** absolute path of the file it came from */
  source: string;
}
