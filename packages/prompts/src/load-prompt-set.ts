import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { parsePromptTemplate } from './parse-prompt-template.js';
import { PROMPT_NAMES, type PromptName } from './prompt-names.js';
import { createTemplateSet, type PromptSet, type TemplateSet } from './prompt-set.js';
import type { PromptTemplate } from './prompt-template.js';
import { promptTemplateError } from './prompt-template-error.js';
import { TEMPLATES_DIRECTORY } from './templates-directory.js';

/** Options of {@link loadPromptSet}. */
export interface LoadPromptSetOptions {
  /** `--prompts DIR`: any `<name>.md` in it replaces the built-in template of that name */
  overridesDir?: string;
}

/** Options of {@link loadTemplateSet}: a set's names, where its built-in files are, and the overrides. */
export interface LoadTemplateSetOptions<Name extends string> extends LoadPromptSetOptions {
  names: readonly Name[];
  /** The folder of the built-in `<name>.md` files. */
  directory: string;
}

/** The agents' templates: the built-in ones, then the overrides. */
export function loadPromptSet(options: LoadPromptSetOptions = {}): Promise<PromptSet> {
  return loadTemplateSet<PromptName>({ ...options, names: PROMPT_NAMES, directory: TEMPLATES_DIRECTORY });
}

/**
 * Loads a set's built-in templates, then applies overrides. An override must keep the
 * built-in params and reply fields, because callers pass exactly those and parse exactly
 * those: only the wording may change.
 */
export async function loadTemplateSet<Name extends string>(
  options: LoadTemplateSetOptions<Name>,
): Promise<TemplateSet<Name>> {
  const templates = new Map<Name, PromptTemplate<Name>>();
  for (const name of options.names) {
    templates.set(name, await readTemplate(name, path.join(options.directory, `${name}.md`)));
  }
  if (options.overridesDir !== undefined) {
    for (const override of await readOverrides(path.resolve(options.overridesDir), options.names)) {
      checkSameContract(templates.get(override.name) as PromptTemplate<Name>, override);
      templates.set(override.name, override);
    }
  }
  return createTemplateSet(options.names, templates);
}

async function readTemplate<Name extends string>(name: Name, source: string): Promise<PromptTemplate<Name>> {
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (error) {
    throw promptTemplateError(
      source,
      'cannot read the template file',
      'check that it exists and is readable',
      error,
    );
  }
  return parsePromptTemplate(name, text, source);
}

async function readOverrides<Name extends string>(
  directory: string,
  names: readonly Name[],
): Promise<PromptTemplate<Name>[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    throw promptTemplateError(
      directory,
      'cannot read the prompts directory',
      'pass an existing directory',
      error,
    );
  }
  const overrides: PromptTemplate<Name>[] = [];
  // Sorted so that the first error reported does not depend on the file system's order.
  const fileNames = entries
    .filter((entry) => entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  for (const fileName of fileNames) {
    const name = fileName.slice(0, -'.md'.length);
    const source = path.join(directory, fileName);
    // Reading a FIFO would wait forever, and a folder named like a template is a mistake to say.
    if (!(await isRegularFile(source))) {
      throw promptTemplateError(
        source,
        'is not a regular file (a folder, a FIFO or a device)',
        'put a template file there, or move it out of the prompts directory',
      );
    }
    if (!isNameOf(names, name)) {
      throw promptTemplateError(
        source,
        `${name} is not a known template`,
        `name override files after one of ${names.join(', ')}`,
      );
    }
    overrides.push(await readTemplate(name, source));
  }
  return overrides;
}

/** Symbolic links are followed: a link to a template file is a template file. */
async function isRegularFile(file: string): Promise<boolean> {
  return stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

/**
 * An override written for another version's params (or reply fields) would leave a placeholder
 * unfilled or a value unused: it is refused, naming what this version's template takes and
 * what the override lacks or has too many, so it can be brought up to date.
 */
function checkSameContract<Name extends string>(
  builtIn: PromptTemplate<Name>,
  override: PromptTemplate<Name>,
): void {
  for (const key of ['params', 'reply'] as const) {
    if (sameMembers(builtIn[key], override[key])) continue;
    const lacking = builtIn[key].filter((name) => !override[key].includes(name));
    const unknown = override[key].filter((name) => !builtIn[key].includes(name));
    const differences = [
      ...(lacking.length > 0 ? [`lacks ${lacking.join(', ')}`] : []),
      ...(unknown.length > 0 ? [`has ${unknown.join(', ')}, which it no longer takes`] : []),
    ];
    throw new Tp2dgError(
      'PROMPT_TEMPLATE',
      `${override.source}: ${key} differ from the built-in ${builtIn.name} template ` +
        `(expected [${builtIn[key].join(', ')}], found [${override[key].join(', ')}]: it ${differences.join(' and ')}); ` +
        `keep the same ${key}, only the wording may change`,
    );
  }
}

function sameMembers(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((item) => right.includes(item));
}

function isNameOf<Name extends string>(names: readonly Name[], value: string): value is Name {
  return (names as readonly string[]).includes(value);
}
