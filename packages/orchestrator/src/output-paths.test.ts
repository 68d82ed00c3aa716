import { describe, expect, it } from 'vitest';
import { pathSegment, sessionFolder } from './output-paths.js';

describe('pathSegment', () => {
  it('should keep ordinary ids readable', () => {
    expect(pathSegment('u01__2019-01-07')).toBe('u01__2019-01-07');
  });

  it('should never let an id climb out, split into folders, or look hidden', () => {
    expect(pathSegment('..')).toBe('%2E.');
    expect(pathSegment('.')).toBe('%2E');
    expect(pathSegment('.u01')).toBe('%2Eu01');
    expect(pathSegment('../../etc')).toBe('%2E.%2F..%2Fetc');
    expect(sessionFolder('/out/m/c', 'a/b', '..')).toBe('/out/m/c/a%2Fb/%2E.');
  });
});
