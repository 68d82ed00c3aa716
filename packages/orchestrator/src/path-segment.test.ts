import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_BYTES, pathSegment } from './path-segment.js';

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
/** Ids as a corpus may hold them: any unicode, path syntax, escapes, odd code units, 1 to 1,000 bytes. */
const corpusId = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200, size: 'max' }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 300, size: 'max' }) },
      { weight: 2, arbitrary: fc.constantFrom('/', '.', '..', '%', '%2E', '+', '\\', ' ') },
      { weight: 1, arbitrary: loneSurrogate },
    ),
    // Sized to the bounds, not fast-check's small default: most ids then need shortening.
    { minLength: 1, maxLength: 8, size: 'max' },
  )
  .map((pieces) => pieces.join(''))
  .filter((id) => {
    const bytes = Buffer.byteLength(id);
    return bytes >= 1 && bytes <= 1000;
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

  it('should keep a name of exactly the limit whole, and shorten one byte more to a readable prefix and a hash', () => {
    expect(pathSegment('a'.repeat(MAX_SEGMENT_BYTES))).toBe('a'.repeat(MAX_SEGMENT_BYTES));
    // The same on every run and every machine: a resumed run finds the folders it wrote.
    expect(pathSegment('a'.repeat(MAX_SEGMENT_BYTES + 1))).toBe(
      `${'a'.repeat(87)}+e9615320128cc7a3d6078e9af0560318`,
    );
  });

  it('should cut the prefix between whole characters, never inside an escape', () => {
    const segment = pathSegment('é'.repeat(100));
    const prefix = segment.slice(0, segment.indexOf('+'));
    expect(prefix).toBe('%C3%A9'.repeat(14));
    expect(decodeURIComponent(prefix)).toBe('é'.repeat(14));
  });

  it('should give lone surrogates names of their own, apart from the replacement character', () => {
    expect(pathSegment('a\ud800')).toBe('a%ED%A0%80');
    expect(pathSegment('a\ud800')).not.toBe(pathSegment('a\ufffd'));
    expect(pathSegment('a\udc00')).not.toBe(pathSegment('a\ud800'));
  });

  it('should give distinct ids distinct names of at most 120 bytes, the same from run to run', () => {
    fc.assert(
      fc.property(fc.uniqueArray(corpusId, { minLength: 2, maxLength: 20 }), (ids) => {
        const names = ids.map(pathSegment);
        expect(new Set(names).size).toBe(ids.length);
        for (const [index, name] of names.entries()) {
          expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
          expect(name).toMatch(/^[^./][^/]*$/);
          expect(pathSegment(ids[index] ?? '')).toBe(name);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should give long ids that differ only after the prefix distinct names', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 100, maxLength: 300 }),
        corpusId,
        corpusId,
        (prefix, a, b) => {
          fc.pre(a !== b);
          expect(pathSegment(prefix + a)).not.toBe(pathSegment(prefix + b));
        },
      ),
      { numRuns: 200 },
    );
  });
});
