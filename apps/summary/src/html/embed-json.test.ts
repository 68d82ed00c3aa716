import { describe, expect, it } from 'vitest';
import { jsonForScriptElement } from './embed-json.js';

describe('jsonForScriptElement', () => {
  it('should write no < at all, so no string can end the element, and read back unchanged', () => {
    const value = { message: '</script><script>alert(1)</script><!-- x', title: 'a < b', list: ['<\u2028>'] };
    const written = jsonForScriptElement(value);
    expect(written).not.toContain('<');
    expect(JSON.parse(written)).toEqual(value);
  });
});
