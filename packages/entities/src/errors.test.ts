import { describe, expect, it } from 'vitest';
import { Tp2dgError } from './errors.js';

describe('Tp2dgError', () => {
  it('should be recognised by its marker, not by class identity', () => {
    const error = new Tp2dgError('INVALID_INPUT', 'tracks.json: bad', { cause: new Error('inner') });
    const lookalike = Object.assign(new Error('copy'), {
      [Symbol.for('tp2dg.error')]: true,
      code: 'INVALID_INPUT',
    });
    expect(Tp2dgError.isInstance(error)).toBe(true);
    expect(Tp2dgError.isInstance(lookalike)).toBe(true);
    expect(Tp2dgError.isInstance(new Error('plain'))).toBe(false);
    expect(error.code).toBe('INVALID_INPUT');
    expect((error.cause as Error).message).toBe('inner');
  });
});
