import { createHash } from 'node:crypto';
import { Tp2dgError } from '@tp2dg/entities';
import { substitutePlaceholders } from './placeholders.js';
import { PROMPT_NAMES, type PromptName } from './prompt-names.js';
import type { PromptTemplate } from './prompt-template.js';
import { promptTemplateError } from './prompt-template-error.js';

/** A set of templates by name: the built-in ones, some possibly replaced by overrides. */
export interface TemplateSet<Name extends string> {
  get(name: Name): PromptTemplate<Name>;
  /** Renders the body; throws Tp2dgError('PROMPT_TEMPLATE') naming template, file and the missing or unknown parameter. */
  render(name: Name, params: Record<string, string>): string;
  /** sha256 hex of all templates in the set (name + body, sorted by name): recorded by each run. */
  readonly hash: string;
}

/** The templates the agents of a run use. */
export type PromptSet = TemplateSet<PromptName>;

/**
 * Builds the agents' prompt set from already parsed templates, one per name. Kept apart from
 * file loading so tests and embedders can assemble a set in memory.
 */
export function createPromptSet(templates: ReadonlyMap<PromptName, PromptTemplate>): PromptSet {
  return createTemplateSet(PROMPT_NAMES, templates);
}

/** Builds a set of templates holding exactly one template of each of `names`. */
export function createTemplateSet<Name extends string>(
  names: readonly Name[],
  templates: ReadonlyMap<Name, PromptTemplate<Name>>,
): TemplateSet<Name> {
  const missing = names.filter((name) => !templates.has(name));
  if (missing.length > 0) {
    throw new Tp2dgError(
      'PROMPT_TEMPLATE',
      `prompt set lacks templates ${missing.join(', ')}; provide all of them`,
    );
  }
  const get = (name: Name): PromptTemplate<Name> => {
    const template = templates.get(name);
    if (!template) throw new Tp2dgError('PROMPT_TEMPLATE', `unknown prompt template ${String(name)}`);
    return template;
  };
  return {
    get,
    render(name, params) {
      const template = get(name);
      checkRenderParams(template, params);
      return substitutePlaceholders(template.body, params);
    },
    hash: hashTemplates([...templates.values()]),
  };
}

function checkRenderParams(template: PromptTemplate<string>, params: Readonly<Record<string, string>>): void {
  const where = `${template.source} (template ${template.name})`;
  // An undefined value from an untyped caller is as missing as an absent key.
  const missing = template.params.filter((name) => typeof params[name] !== 'string');
  if (missing.length > 0) {
    throw promptTemplateError(
      where,
      `render is missing parameter ${missing.join(', ')}`,
      `pass every declared parameter: ${template.params.join(', ') || '(none)'}`,
    );
  }
  const unknown = Object.keys(params).filter((name) => !template.params.includes(name));
  if (unknown.length > 0) {
    throw promptTemplateError(
      where,
      `render got unknown parameter ${unknown.join(', ')}`,
      `pass only the declared parameters: ${template.params.join(', ') || '(none)'}`,
    );
  }
}

/** NUL separators keep `ab`+`c` and `a`+`bc` from hashing alike. */
function hashTemplates(templates: readonly PromptTemplate<string>[]): string {
  const hash = createHash('sha256');
  const sorted = [...templates].sort((left, right) =>
    left.name < right.name ? -1 : left.name > right.name ? 1 : 0,
  );
  for (const template of sorted) hash.update(`${template.name}\u0000${template.body}\u0000`);
  return hash.digest('hex');
}
