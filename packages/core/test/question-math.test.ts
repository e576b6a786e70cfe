import { describe, expect, it } from 'vitest';
import { validateQuestion, type Question } from '../src/index.js';
import { findMathSpans } from '../src/questions/validate-math.js';
import { makeAssertionReason, makeMatrix, makeSingle } from './fixtures.js';

const mathIssues = (question: Question) =>
  validateQuestion(question)
    .filter((issue) => issue.code === 'MATH_INVALID')
    .map((issue) => issue.path);

function withEnglish(question: Question, changes: Record<string, unknown>): Question {
  return {
    ...question,
    content: { ...question.content, en: { ...question.content.en!, ...changes } },
  };
}

describe('formulas in question text', () => {
  it('accepts well-formed LaTeX, chemistry (\\ce, \\pu) and Devanagari inside a formula', () => {
    const question = withEnglish(makeSingle('s'), {
      stem: 'Evaluate $\\frac{1}{2} + x^{2}$ and $$\\int_0^1 x\\,dx$$ for $\\ce{H2O}$ at $\\pu{9.8 m/s^2}$.',
      solution: 'Balanced: $\\ce{2H2 + O2 -> 2H2O}$; $\\text{वेग} = v$.',
    });
    expect(validateQuestion(question)).toEqual([]);
  });

  it('refuses a broken formula in the stem with its path, its code and KaTeX’s reason', () => {
    const issues = validateQuestion(withEnglish(makeSingle('s'), { stem: 'Simplify $\\frac{1}{$ now.' }));
    expect(issues).toEqual([
      {
        code: 'MATH_INVALID',
        path: 'content.en.stem',
        message: expect.stringMatching(
          /^the formula \$\\frac\{1\}\{\$ cannot be read: .*expected '\}'$/u,
        ) as string,
      },
    ]);
  });

  it('checks every text field of every language: options, rows, columns, statements, solution', () => {
    const single = makeSingle('s');
    const hindiOptions = single.content.hi!.options!.map((option, index) =>
      index === 2 ? { ...option, text: '$\\sqrt{$' } : option,
    );
    const broken = {
      ...single,
      content: {
        en: { ...single.content.en!, solution: 'Use $$\\left( x $$.' },
        hi: { ...single.content.hi!, stem: 'सरल कीजिए $x^$', options: hindiOptions },
      },
    } as Question;
    expect(mathIssues(broken)).toEqual([
      'content.en.solution',
      'content.hi.stem',
      'content.hi.options.2.text',
    ]);

    const matrix = makeMatrix('x', { p: ['1'], q: ['2'], r: ['3'], s: ['4'] });
    const en = matrix.content.en!;
    const brokenMatrix = withEnglish(matrix, {
      rows: en.rows!.map((row, index) => (index === 1 ? { ...row, text: '$\\ce{H2O$' } : row)),
      columns: en.columns!.map((column, index) =>
        index === 4 ? { ...column, text: '$\\badmacro$' } : column,
      ),
    });
    expect(mathIssues(brokenMatrix)).toEqual(['content.en.rows.1.text', 'content.en.columns.4.text']);

    const ar = withEnglish(makeAssertionReason('ar'), { assertion: '$a^{$', reason: '$\\frac12$ is fine' });
    expect(mathIssues(ar)).toEqual(['content.en.assertion']);
  });

  it('reports each broken formula of a field, and leaves plain dollars and code alone', () => {
    const question = withEnglish(makeSingle('s'), {
      stem: '$x^$ and $y_$ but $z$; costs \\$5 or `$\\frac{$` in code; a lone $ is text.',
    });
    expect(mathIssues(question)).toEqual(['content.en.stem', 'content.en.stem']);
  });
});

describe('findMathSpans reads text the way the renderer does', () => {
  it('finds inline and display spans, skipping escaped dollars, code spans and unclosed dollars', () => {
    expect(findMathSpans('a $x$ b $$y$$ c \\$d e `$f$` g $h')).toEqual([
      { tex: 'x', display: false, source: '$x$' },
      { tex: 'y', display: true, source: '$$y$$' },
    ]);
  });

  it('lets display math span lines but stops inline math at a paragraph break', () => {
    expect(findMathSpans('$$\n\\frac{a}{b}\n$$')).toEqual([
      { tex: '\n\\frac{a}{b}\n', display: true, source: '$$\n\\frac{a}{b}\n$$' },
    ]);
    expect(findMathSpans('costs $5\n\nand $x$')).toEqual([{ tex: 'x', display: false, source: '$x$' }]);
  });
});
