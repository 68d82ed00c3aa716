import { CORE_SCHEMA, load } from 'js-yaml';
import { findMalformedPlaceholders, findPlaceholders } from './placeholders.js';
import type { PromptName } from './prompt-names.js';
import type { PromptTemplate } from './prompt-template.js';
import { promptTemplateError } from './prompt-template-error.js';

// The closing fence may end the file, so a template with an empty body still parses.
const FRONT_MATTER_PATTERN = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;
const FRONT_MATTER_KEYS = ['description', 'params', 'reply'];
const FORMAT_HINT = 'start the file with a --- line, then description, params and reply, then a --- line';

/**
 * Parses `<name>.md`: YAML front matter, then the body. Checks that the declared
 * params and the body's placeholders agree, so a typo fails at load time rather than
 * leaving a literal `{{...}}` in a prompt sent to the model.
 */
export function parsePromptTemplate<Name extends string = PromptName>(
  name: Name,
  text: string,
  source: string,
): PromptTemplate<Name> {
  const match = FRONT_MATTER_PATTERN.exec(text.replace(/^\uFEFF/, ''));
  if (!match) throw promptTemplateError(source, 'missing front matter', FORMAT_HINT);
  const frontMatter = parseFrontMatter(match[1] as string, source);
  // Blank lines around the body are file layout, not prompt text: callers join prompts.
  const body = (match[2] as string).trim();
  checkPlaceholders(body, frontMatter.params, source);
  return { name, ...frontMatter, body, source };
}

interface FrontMatter {
  description: string;
  params: string[];
  reply: string[];
}

function parseFrontMatter(yamlText: string, source: string): FrontMatter {
  let data: unknown;
  try {
    data = load(yamlText, { schema: CORE_SCHEMA });
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw promptTemplateError(source, `front matter is not valid YAML (${reason})`, FORMAT_HINT, error);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw promptTemplateError(source, 'front matter is not a mapping', FORMAT_HINT);
  }
  const record = data as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((key) => !FRONT_MATTER_KEYS.includes(key));
  if (unknownKeys.length > 0) {
    throw promptTemplateError(
      source,
      `unknown front matter key ${unknownKeys.join(', ')}`,
      `use only ${FRONT_MATTER_KEYS.join(', ')}`,
    );
  }
  if (typeof record.description !== 'string' || record.description.trim() === '') {
    throw promptTemplateError(source, 'front matter has no description', 'add a one-line description');
  }
  return {
    description: record.description.trim(),
    params: readNameList(record.params, 'params', source),
    reply: readNameList(record.reply, 'reply', source),
  };
}

function readNameList(value: unknown, key: string, source: string): string[] {
  const fix = `write ${key} as a list of names, e.g. ${key}: [profile, goal], or ${key}: [] for none`;
  if (!Array.isArray(value))
    throw promptTemplateError(source, `front matter ${key} is missing or not a list`, fix);
  const names = value.map((item) => (typeof item === 'string' ? item.trim() : ''));
  if (names.some((item) => item === '')) {
    throw promptTemplateError(source, `front matter ${key} holds an empty or non-text entry`, fix);
  }
  const duplicates = names.filter((item, index) => names.indexOf(item) !== index);
  if (duplicates.length > 0) {
    throw promptTemplateError(
      source,
      `front matter ${key} lists ${duplicates.join(', ')} twice`,
      'list each once',
    );
  }
  return names;
}

function checkPlaceholders(body: string, params: readonly string[], source: string): void {
  const malformed = findMalformedPlaceholders(body);
  if (malformed.length > 0) {
    throw promptTemplateError(
      source,
      `malformed placeholder ${malformed.join(', ')}`,
      'write placeholders as {{name}} with letters, digits and underscores only',
    );
  }
  const used = findPlaceholders(body);
  const undeclared = used.filter((name) => !params.includes(name));
  if (undeclared.length > 0) {
    throw promptTemplateError(
      source,
      `body uses {{${undeclared.join('}}, {{')}}} but params does not declare it`,
      'add it to params or remove it from the body',
    );
  }
  const unused = params.filter((name) => !used.includes(name));
  if (unused.length > 0) {
    throw promptTemplateError(
      source,
      `params declares ${unused.join(', ')} but the body never uses it`,
      'use it in the body as {{name}} or remove it from params',
    );
  }
}
