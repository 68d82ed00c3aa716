import { describe, expect, it } from 'vitest';
import { isInsideDirectory } from './paths.js';

describe('isInsideDirectory', () => {
  it('should accept the root itself and what lies below it, including names starting with dots', () => {
    expect(isInsideDirectory('/corpus', '/corpus')).toBe(true);
    expect(isInsideDirectory('/corpus', '/corpus/audio/a.wav')).toBe(true);
    expect(isInsideDirectory('/corpus', '/corpus/..cover.png')).toBe(true);
  });

  it('should reject the parent, siblings and paths that climb out', () => {
    expect(isInsideDirectory('/corpus', '/')).toBe(false);
    expect(isInsideDirectory('/corpus', '/corpus-old/a.wav')).toBe(false);
    expect(isInsideDirectory('/corpus', '/corpus/../etc/passwd')).toBe(false);
  });
});
