import { describe, expect, it } from 'vitest';
import { Tp2dgError } from './errors.js';
import { outputWriteError } from './output-error.js';

const errno = (code: string, message = `${code}: failed`) => Object.assign(new Error(message), { code });

describe('outputWriteError', () => {
  it.each([
    ['ENOSPC', 'the disk is full (ENOSPC). Free some space'],
    ['EACCES', 'permission denied (EACCES). Make the output folder writable'],
    ['EROFS', 'the file system is read-only (EROFS). Pass an --output-dir on another file system'],
    ['ENAMETOOLONG', 'the path is too long (ENAMETOOLONG). Pass a shorter --output-dir'],
    ['EFBIG', 'the file is larger than the file system allows (EFBIG).'],
  ])('should name the path, the problem and the fix of %s in one line', (code, expected) => {
    const error = outputWriteError('/out/failures.jsonl', errno(code));
    expect(error.code).toBe('OUTPUT_WRITE');
    expect(error.message).toMatch(/^\/out\/failures\.jsonl: /);
    expect(error.message).toContain(expected);
    expect(error.message).toMatch(/then run the same command again \(finished sessions are kept\)\.$/);
    expect(error.message).not.toContain('\n');
  });

  it('should keep the system message of an error it has no advice for', () => {
    const error = outputWriteError('/out/x', errno('EWEIRD', 'EWEIRD: something odd'));
    expect(error.message).toBe(
      '/out/x: EWEIRD: something odd. Check free space and permissions; then run the same command again (finished sessions are kept).',
    );
  });

  it('should return an error that already is a Tp2dgError unchanged', () => {
    const original = new Tp2dgError('OUTPUT_WRITE', 'already said');
    expect(outputWriteError('/out/x', original)).toBe(original);
  });
});
