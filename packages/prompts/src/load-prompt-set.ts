import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { parsePromptTemplate } from './parse-prompt-template.js';
import { isPromptName, PROMPT_NAMES, type PromptName } from './prompt-names.js';
import { createPromptSet, type PromptSet } from './prompt-set.js';
import type { PromptTemplate } from './prompt-template.js';
import { promptTemplateError } from './prompt-template-error.js';
import { TEMPLATES_DIRECTORY } from './templates-directory.js';

/** Options of {@link loadPromptSet}. */
export interface LoadPromptSetOptions {
  /** `--prompts DIR`: any `<name>.md` in it replaces the built-in template of that name */
  overridesDir?: string;
}

/**
 * Loads the built-in templates, then applies overrides. An override must keep the
 * built-in params and reply fields, because agents pass exactly those and parse
 * exactly those: only the wording may change.
 */
export async function loadPromptSet(options: LoadPromptSetOptions = {}): Promise<PromptSet> {
  const templates = new Map<PromptName, PromptTemplate>();
  for (const name of PROMPT_NAMES) {
    templates.set(name, await readTemplate(name, path.join(TEMPLATES_DIRECTORY, `${name}.md`)));
  }
  if (options.overridesDir !== undefined) {
    for (const override of await readOverrides(path.resolve(options.overridesDir))) {
      checkSameContract(templates.get(override.name) as PromptTemplate, override);
      templates.set(override.name, override);
    }
  }
  return createPromptSet(templates);
}

async function readTemplate(name: PromptName, source: string): Promise<PromptTemplate> {
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

async function readOverrides(directory: string): Promise<PromptTemplate[]> {
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
  const overrides: PromptTemplate[] = [];
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
    if (!isPromptName(name)) {
      throw promptTemplateError(
        source,
        `${name} is not a known template`,
        `name override files after one of ${PROMPT_NAMES.join(', ')}`,
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
function checkSameContract(builtIn: PromptTemplate, override: PromptTemplate): void {
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
