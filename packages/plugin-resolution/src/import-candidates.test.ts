import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCandidate, listImportCandidates } from './import-candidates.js';

const prefixes = ['@tp2dg/provider-', 'tp2dg-provider-'];
const described = (source: string) =>
  listImportCandidates(source, '/project', prefixes).map(describeCandidate);

describe('listImportCandidates', () => {
  it('should try each prefix, then the bare package, then a file relative to cwd', () => {
    expect(described('echo')).toEqual([
      '@tp2dg/provider-echo',
      'tp2dg-provider-echo',
      'echo',
      path.resolve('/project', 'echo'),
    ]);
  });

  it('should try a scoped or subpath name only as itself', () => {
    expect(described('@acme/models')).toEqual(['@acme/models', path.resolve('/project', '@acme/models')]);
  });

  it('should take a path only as a file', () => {
    expect(described('./plugin.mjs')).toEqual([path.resolve('/project', 'plugin.mjs')]);
    expect(described('/abs/plugin.mjs')).toEqual(['/abs/plugin.mjs']);
  });
});
