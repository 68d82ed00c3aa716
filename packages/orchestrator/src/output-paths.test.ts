import { describe, expect, it } from 'vitest';
import {
  corpusFolder,
  journaledFolderName,
  journalFile,
  sessionFolder,
  stagedFolderName,
  stagingPrefix,
} from './output-paths.js';
import { MAX_SEGMENT_BYTES } from './path-segment.js';

/** The longest name most filesystems take (ext4, XFS, APFS, NTFS in UTF-16 units). */
const NAME_MAX_BYTES = 255;

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

  it('should keep staging and journal names of the longest ids within the filesystem limit', () => {
    const id = 'x'.repeat(1000);
    const folder = sessionFolder('/out/m/c', id, id);
    const staging = `${stagingPrefix(folder)}${'f'.repeat(8)}`;
    const journal = journalFile('/out/m/c', id, id).split('/').at(-1) ?? '';
    expect(folder.split('/').at(-1)).toHaveLength(MAX_SEGMENT_BYTES);
    expect(Buffer.byteLength(staging)).toBeLessThanOrEqual(NAME_MAX_BYTES);
    expect(Buffer.byteLength(journal)).toBeLessThanOrEqual(NAME_MAX_BYTES);
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
