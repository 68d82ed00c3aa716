import { describe, expect, it } from 'vitest';
import { findMalformedPlaceholders, findPlaceholders, substitutePlaceholders } from './placeholders.js';

describe('findPlaceholders', () => {
  it('should list each placeholder once, in order of first use', () => {
    expect(findPlaceholders('{{b}} then {{a_1}} then {{b}}')).toEqual(['b', 'a_1']);
  });

  it('should flag double braces that are not a valid placeholder', () => {
    expect(findMalformedPlaceholders('{{ name }} and {{track-id}} but {{ok}}')).toEqual([
      '{{ name }}',
      '{{track-id}}',
    ]);
  });
});

describe('substitutePlaceholders', () => {
  it('should insert values verbatim, without expanding them again', () => {
    const body = 'A {{first}} B {{second}}';
    const result = substitutePlaceholders(body, { first: '{{second}}', second: '$& and $1' });
    expect(result).toBe('A {{second}} B $& and $1');
  });
});
