// What a student reads as "Your answer" and "Correct answer" on the result page.
import type { MatrixMatchQuestion, McqSingleQuestion } from '@examtech/core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAnswer, formatKey } from '../src/features/exam-room/answer-format';
import { i18n } from '../src/i18n';

const common = {
  classification: { subject: 'Chemistry', chapter: 'Bonding', topic: 'Shapes' },
  difficulty: 'medium' as const,
  tags: [],
};

const matrix: MatrixMatchQuestion = {
  ...common,
  id: 'm1',
  type: 'matrix_match',
  rows: [{ id: 'p' }, { id: 'q' }, { id: 'r' }],
  columns: [{ id: '1' }, { id: '2' }, { id: '3' }],
  allowMultiplePerRow: true,
  content: {
    en: {
      stem: 'Match the molecule with its shape.',
      rows: [
        { id: 'p', text: '$\\ce{CH4}$' },
        { id: 'q', text: '$\\ce{H2O}$' },
        { id: 'r', text: '$\\ce{CO2}$' },
      ],
      columns: [
        { id: '1', text: 'Tetrahedral' },
        { id: '2', text: 'Bent' },
        { id: '3', text: 'Linear' },
      ],
    },
    hi: {
      stem: 'अणु का उसके आकार से मिलान कीजिए।',
      rows: [
        { id: 'p', text: '$\\ce{CH4}$' },
        { id: 'q', text: '$\\ce{H2O}$' },
        { id: 'r', text: '$\\ce{CO2}$' },
      ],
      columns: [
        { id: '1', text: 'चतुष्फलकीय' },
        { id: '2', text: 'मुड़ा हुआ' },
        { id: '3', text: 'रैखिक' },
      ],
    },
  },
  key: { matches: { p: ['1'], q: ['2'], r: [] } },
};

const single: McqSingleQuestion = {
  ...common,
  id: 's1',
  type: 'mcq_single',
  options: [{ id: 'a' }, { id: 'b' }],
  content: {
    en: {
      stem: 'Which is a noble gas?',
      options: [
        { id: 'a', text: 'Argon' },
        { id: 'b', text: 'Oxygen' },
      ],
    },
    hi: {
      stem: 'उत्कृष्ट गैस कौन-सी है?',
      options: [
        { id: 'a', text: 'आर्गन' },
        { id: 'b', text: 'ऑक्सीजन' },
      ],
    },
  },
  key: { optionId: 'a' },
};

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('formatAnswer and formatKey', () => {
  it('show matrix pairs with the items of both lists, in the question’s row order', () => {
    const answer = { type: 'matrix_match' as const, matches: { q: ['2', '3'], p: ['1'], r: [] } };
    expect(formatAnswer(matrix, answer, 'en')).toBe(
      '**P** $\\ce{CH4}$ → **1** Tetrahedral  \n**Q** $\\ce{H2O}$ → **2** Bent, **3** Linear',
    );
    expect(formatKey(matrix, 'hi')).toBe(
      '**P** $\\ce{CH4}$ → **1** चतुष्फलकीय  \n**Q** $\\ce{H2O}$ → **2** मुड़ा हुआ  \n**R** $\\ce{CO2}$ → कोई नहीं',
    );
  });

  it('say "Not answered" in the interface language', async () => {
    const empty = { type: 'matrix_match' as const, matches: { p: [], q: [] } };
    expect(formatAnswer(matrix, empty)).toBe('Not answered');
    expect(formatAnswer(single, null)).toBe('Not answered');
    await i18n.changeLanguage('hi');
    expect(formatAnswer(matrix, empty)).toBe('उत्तर नहीं दिया');
    expect(formatAnswer(single, { type: 'mcq_single', optionIds: [] })).toBe('उत्तर नहीं दिया');
  });

  it('show options by their number with their text in the content language', () => {
    expect(formatAnswer(single, { type: 'mcq_single', optionIds: ['b'] }, 'en')).toBe('(2) Oxygen');
    expect(formatKey(single, 'hi')).toBe('(1) आर्गन');
  });
});
