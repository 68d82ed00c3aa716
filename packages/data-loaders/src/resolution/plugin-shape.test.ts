import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describePluginProblem } from './plugin-shape.js';

const plugin = { specificationVersion: 'v1', name: 'x', create: () => ({}) };

describe('describePluginProblem', () => {
  it('should accept a plugin with a zod options schema and a licence', () => {
    const licence = { name: 'CC BY 4.0', summary: 'Attribution.', commercialUse: true, redistribution: true };
    expect(describePluginProblem({ ...plugin, optionsSchema: z.object({}), licence })).toBeUndefined();
  });

  it('should name a method that is missing', () => {
    expect(describePluginProblem({ specificationVersion: 'v1', name: 'x' })).toContain(
      '"create" must be a function',
    );
  });

  it('should refuse an options schema that cannot validate', () => {
    expect(describePluginProblem({ ...plugin, optionsSchema: { parse() {} } })).toContain('Standard Schema');
  });

  it('should refuse a licence without its required fields', () => {
    expect(describePluginProblem({ ...plugin, licence: 'MIT' })).toContain('"licence" must be');
    expect(describePluginProblem({ ...plugin, licence: { name: 'MIT' } })).toContain('commercialUse');
  });
});
