import { describe, expect, it } from 'vitest';
import { buildStemPreview } from '../../src/modules/questions/question-text.js';

const preview = (stem: string, language = 'en') => buildStemPreview({ content: { [language]: { stem } } });

describe('the plain-text stem preview of bank lists and import reviews', () => {
  it('keeps the blank of a numerical or fill-in question', () => {
    expect(preview('The speed is ____ m/s.')).toBe('The speed is ____ m/s.');
    expect(preview('Fill in: ______ and ___')).toBe('Fill in: ______ and ___');
    expect(preview('Escaped blank \\_\\_\\_\\_ here')).toBe('Escaped blank ____ here');
    expect(preview('वेग ____ मी/से है।', 'hi')).toBe('वेग ____ मी/से है।');
  });

  it('still removes emphasis marks, headings and images, and keeps LaTeX as written', () => {
    expect(preview('# Find __this__ and _that_, **bold** ![graph](image:abc)')).toBe(
      'Find this and that, bold [graph]',
    );
    expect(preview('Given $x_1 = a_{2}$ and __bold__ ____')).toBe('Given $x_1 = a_{2}$ and bold ____');
  });
});
