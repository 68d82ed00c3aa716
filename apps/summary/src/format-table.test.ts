import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table.js';

describe('formatTable', () => {
  it('should left-align the first column and right-align the others', () => {
    const lines = formatTable([
      ['agent', 'calls'],
      ['recsys', '9'],
      ['profile', '123'],
    ]);
    expect(lines).toEqual(['  agent    calls', '  recsys       9', '  profile    123']);
  });

  it('should give rows of different lengths the same column widths', () => {
    const lines = formatTable([['a', 'bb', 'ccc'], ['dddd']]);
    expect(lines).toEqual(['  a     bb  ccc', '  dddd']);
  });

  it('should left-align as many label columns as asked', () => {
    const lines = formatTable(
      [
        ['stage', 'code', 'n'],
        ['generate', 'X', '10'],
      ],
      { labelColumns: 2 },
    );
    expect(lines).toEqual(['  stage     code   n', '  generate  X     10']);
  });
});
