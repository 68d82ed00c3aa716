import { describe, expect, it } from 'vitest';
import { countryNameOf } from './country-name.js';

describe('countryNameOf', () => {
  it('should name an alpha-2 or alpha-3 code in any case with its ISO 3166 name', () => {
    expect(countryNameOf('BR')).toBe('Brazil');
    expect(countryNameOf('us')).toBe('United States of America');
    expect(countryNameOf(' JPN ')).toBe('Japan');
  });

  it('should name the exceptionally reserved UK, and give a name back in its ISO spelling', () => {
    expect(countryNameOf('UK')).toBe('United Kingdom');
    expect(countryNameOf('germany')).toBe('Germany');
  });

  it('should leave unknown what names no country', () => {
    for (const country of [null, '', 'XX', 'Atlantis', '--']) expect(countryNameOf(country)).toBeNull();
  });
});
