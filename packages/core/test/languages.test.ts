import { describe, expect, it } from 'vitest';
import { isLanguage, LANGUAGES, languageLabel, pickLanguageText } from '../src/index.js';

describe('the language set', () => {
  it('offers English first, then Hindi', () => {
    expect(LANGUAGES).toEqual(['en', 'hi']);
    expect(isLanguage('hi')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
  });

  it('names each language in its own script, in English, or both', () => {
    expect(languageLabel('hi', 'native')).toBe('हिन्दी');
    expect(languageLabel('hi', 'english')).toBe('Hindi');
    expect(languageLabel('hi', 'both')).toBe('हिन्दी (Hindi)');
    expect(languageLabel('en', 'both')).toBe('English');
    expect(languageLabel('fr', 'native')).toBeUndefined();
  });
});

describe('pickLanguageText: the requested language, else another non-empty one', () => {
  it('returns the requested language when it has the text', () => {
    expect(pickLanguageText({ en: 'Speed', hi: 'गति' }, 'hi')).toBe('गति');
  });

  it('falls back to English when the Hindi version is missing or empty', () => {
    expect(pickLanguageText({ en: 'Speed' }, 'hi')).toBe('Speed');
    expect(pickLanguageText({ en: 'Speed', hi: '' }, 'hi')).toBe('Speed');
  });

  it('falls back to Hindi when the English version is missing or empty', () => {
    expect(pickLanguageText({ hi: 'गति' }, 'en')).toBe('गति');
    expect(pickLanguageText({ en: '', hi: 'गति' }, 'en')).toBe('गति');
  });

  it('prefers the offered languages in their order, then any language present', () => {
    expect(pickLanguageText({ fr: 'Vitesse', hi: 'गति', en: 'Speed' }, 'de')).toBe('Speed');
    expect(pickLanguageText({ fr: 'Vitesse' }, 'hi')).toBe('Vitesse');
  });

  it('works for whole language versions (objects), not only strings', () => {
    const en = { stem: 'What is 2 + 2?' };
    expect(pickLanguageText({ en }, 'hi')).toBe(en);
  });

  it('is undefined when no language has the text', () => {
    expect(pickLanguageText({ en: '', hi: undefined }, 'en')).toBeUndefined();
    expect(pickLanguageText({}, 'hi')).toBeUndefined();
  });
});
