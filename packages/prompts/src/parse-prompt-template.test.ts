import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { parsePromptTemplate } from './parse-prompt-template.js';

const source = '/prompts/reask.md';

function parseError(text: string): Tp2dgError {
  try {
    parsePromptTemplate('reask', text, source);
  } catch (error) {
    if (Tp2dgError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected parsePromptTemplate to throw');
}

describe('parsePromptTemplate', () => {
  it('should read front matter and body, dropping the blank lines around it', () => {
    const text = '---\ndescription: Re-ask.\nparams: [problem]\nreply: []\n---\n\nFix {{problem}}.\n\n';
    const template = parsePromptTemplate('reask', text, source);
    expect(template).toEqual({
      name: 'reask',
      description: 'Re-ask.',
      params: ['problem'],
      reply: [],
      body: 'Fix {{problem}}.',
      source,
    });
  });

  it('should reject a file without front matter', () => {
    const error = parseError('Fix {{problem}}.');
    expect(error.code).toBe('PROMPT_TEMPLATE');
    expect(error.message).toContain(`${source}: missing front matter`);
  });

  it('should reject front matter that is not valid YAML', () => {
    const error = parseError('---\ndescription: [unclosed\n---\nbody');
    expect(error.message).toMatch(/reask\.md: front matter is not valid YAML/);
    expect(error.message).not.toContain('\n');
  });

  it('should reject a missing params list and an unknown key', () => {
    expect(parseError('---\ndescription: x\nreply: []\n---\nbody').message).toContain('params is missing');
    expect(parseError('---\ndescription: x\nparams: []\nreply: []\nparam: [a]\n---\nbody').message).toContain(
      'unknown front matter key param',
    );
  });

  it('should reject a placeholder the params do not declare', () => {
    const error = parseError(
      '---\ndescription: x\nparams: [problem]\nreply: []\n---\n{{problem}} {{fields}}',
    );
    expect(error.message).toContain('body uses {{fields}} but params does not declare it');
  });

  it('should reject a declared param the body never uses', () => {
    const error = parseError('---\ndescription: x\nparams: [problem, fields]\nreply: []\n---\n{{problem}}');
    expect(error.message).toContain('params declares fields but the body never uses it');
  });

  it('should reject a malformed placeholder', () => {
    const error = parseError('---\ndescription: x\nparams: []\nreply: []\n---\n{{ problem }}');
    expect(error.message).toContain('malformed placeholder {{ problem }}');
  });
});
