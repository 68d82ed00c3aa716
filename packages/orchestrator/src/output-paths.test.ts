import { describe, expect, it } from 'vitest';
import {
  corpusFolder,
  journaledFolderName,
  pathSegment,
  sessionFolder,
  stagedFolderName,
  stagingPrefix,
} from './output-paths.js';

describe('the output layout', () => {
  it('should put each id in one folder level of its own', () => {
    expect(sessionFolder('/out/m/c', 'a/b', '..')).toBe('/out/m/c/a%2Fb/%2E.');
  });

  it('should refuse an empty model or corpus name instead of dropping its level', () => {
    expect(() => corpusFolder('/out', '', 'dummy')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('--model') }),
    );
    expect(() => corpusFolder('/out', 'gemini-2.5-flash', '')).toThrow(
      expect.objectContaining({ code: 'LOADER_INVALID' }),
    );
    expect(corpusFolder('/out', 'm/x', 'c')).toBe('/out/m%2Fx/c');
  });

  it('should tell the session folder a staging folder or a journal was made for, and nothing else', () => {
    expect(stagedFolderName(`${stagingPrefix('/out/u1/s%2E1')}0a1b2c3d`)).toBe('s%2E1');
    expect(stagedFolderName('s1.partial-0a1b2c3d')).toBeUndefined();
    expect(stagedFolderName('.partial-0a1b2c3d')).toBeUndefined();
    expect(journaledFolderName('s1.jsonl')).toBe('s1');
    expect(journaledFolderName('.jsonl')).toBeUndefined();
    expect(journaledFolderName('notes.txt')).toBeUndefined();
  });
});

describe('pathSegment', () => {
  it('should keep ordinary ids readable', () => {
    expect(pathSegment('u01__2019-01-07')).toBe('u01__2019-01-07');
  });

  it('should never let an id climb out, split into folders, or look hidden', () => {
    expect(pathSegment('..')).toBe('%2E.');
    expect(pathSegment('.')).toBe('%2E');
    expect(pathSegment('.u01')).toBe('%2Eu01');
    expect(pathSegment('../../etc')).toBe('%2E.%2F..%2Fetc');
  });
});
