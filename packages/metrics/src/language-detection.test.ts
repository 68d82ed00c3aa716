import { describe, expect, it } from 'vitest';
import { detectLanguage, languageCode } from './language-detection.js';

describe('detectLanguage', () => {
  it('should find the language of chat-length messages', () => {
    expect(detectLanguage("I'm in the mood for something mellow for a rainy evening, maybe acoustic?")).toBe(
      'en',
    );
    expect(detectLanguage('Quero algo mais animado, talvez um samba para a festa de sábado.')).toBe('pt');
    expect(detectLanguage('Das gefällt mir, aber ich hätte gern etwas Ruhigeres.')).toBe('de');
    expect(detectLanguage('雨の夜に合う静かな曲を探しています。')).toBe('ja');
  });

  it('should leave a message too short to tell undetermined rather than guess', () => {
    expect(detectLanguage('ok')).toBeNull();
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('12345 !!')).toBeNull();
  });
});

describe('languageCode', () => {
  it('should read a code, a locale, an English name or the language its own name, in any case', () => {
    expect(languageCode('pt')).toBe('pt');
    expect(languageCode('pt-BR')).toBe('pt');
    expect(languageCode('Portuguese')).toBe('pt');
    expect(languageCode(' português ')).toBe('pt');
    expect(languageCode('DEUTSCH')).toBe('de');
    expect(languageCode('English')).toBe('en');
    expect(languageCode('日本語')).toBe('ja');
  });

  it('should give null for a name of no language the detector knows', () => {
    expect(languageCode('Klingon')).toBeNull();
    expect(languageCode('')).toBeNull();
  });
});
