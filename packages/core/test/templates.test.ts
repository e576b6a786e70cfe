import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  buildJeeAdvancedTemplate,
  CAT_2024,
  CAT_2025,
  checkPaperAgainstTemplate,
  createRational,
  findTemplate,
  isQualified,
  JEE_ADVANCED_DEFAULT,
  JEE_ADVANCED_SCHEMES,
  JEE_MAIN_2025,
  NEET_UG_2021,
  NEET_UG_2025,
  scoreAttempt,
  UPSC_PRELIMS_CSAT,
  UPSC_PRELIMS_GS1,
  validateTemplate,
  type ExamTemplate,
  type Paper,
} from '../src/index.js';
import { fillTemplate, makeNumerical, makeSingle, makeTita } from './fixtures.js';

const codes = (paper: Paper, template: ExamTemplate) =>
  checkPaperAgainstTemplate(paper, template).map((issue) => issue.code);

describe('built-in templates', () => {
  it.each(BUILT_IN_TEMPLATES.map((template) => [`${template.id} v${template.version}`, template] as const))(
    '%s is self-consistent and a filled paper fits it',
    (_name, template) => {
      expect(validateTemplate(template)).toEqual([]);
      expect(checkPaperAgainstTemplate(fillTemplate(template), template)).toEqual([]);
    },
  );

  it.each([
    [JEE_MAIN_2025, 75, 300, 180],
    [NEET_UG_2025, 180, 720, 180],
    [NEET_UG_2021, 200, 720, 200],
    [CAT_2024, 66, 198, 120],
    [CAT_2025, 68, 204, 120],
    [UPSC_PRELIMS_GS1, 100, 200, 120],
    [UPSC_PRELIMS_CSAT, 80, 200, 120],
    [JEE_ADVANCED_DEFAULT, 51, 180, 180],
  ] as const)('%# %o: questions, marks, minutes', (template, questions, marks, minutes) => {
    expect(template.sections.reduce((sum, section) => sum + section.questionCount, 0)).toBe(questions);
    expect(template.totalMarks).toBe(marks);
    expect(template.durationMinutes).toBe(minutes);
  });

  it('NEET legacy evaluates 180 of 200 questions through best-k-of-n', () => {
    expect(
      NEET_UG_2021.sections.map((section) => [section.id, section.questionCount, section.bestOf]),
    ).toEqual([
      ['physics_a', 35, undefined],
      ['physics_b', 15, 10],
      ['chemistry_a', 35, undefined],
      ['chemistry_b', 15, 10],
      ['biology_a', 70, undefined],
      ['biology_b', 30, 20],
    ]);
    expect(
      NEET_UG_2021.sections.reduce((sum, section) => sum + (section.bestOf ?? section.questionCount), 0),
    ).toBe(180);
  });

  it('CAT: three locked 40-minute sections in order VARC, DILR, QA; TITA has no negative', () => {
    for (const template of [CAT_2024, CAT_2025]) {
      expect(template.lockedSections).toBe(true);
      expect(template.sections.map((section) => [section.id, section.durationMinutes])).toEqual([
        ['varc', 40],
        ['dilr', 40],
        ['qa', 40],
      ]);
    }
    expect(CAT_2025.sections.map((section) => section.questionCount)).toEqual([24, 22, 22]);
    const paper = fillTemplate(CAT_2024);
    const varc = paper.sections[0];
    const tita = makeTita('tita-1', ['7']);
    const withTita: Paper = {
      ...paper,
      sections: [
        { ...varc!, items: [{ question: tita }, ...varc!.items.slice(1)] },
        ...paper.sections.slice(1),
      ],
    };
    expect(scoreAttempt(withTita, { 'tita-1': { answer: { type: 'tita', text: '8' } } }).total.marks).toBe(0);
  });

  it('UPSC CSAT qualifies at 33 % of 200 = 66, exactly', () => {
    expect(isQualified(UPSC_PRELIMS_CSAT, createRational(66))).toBe(true);
    expect(isQualified(UPSC_PRELIMS_CSAT, createRational(395, 6))).toBe(false); // 65.83
    expect(isQualified(UPSC_PRELIMS_GS1, createRational(0))).toBe(true);
  });

  it('JEE Advanced builder derives totals from its parameters', () => {
    const custom = buildJeeAdvancedTemplate({
      year: 2023,
      paper: 2,
      parts: [
        { questionCount: 6, allowedTypes: ['mcq_multi'], scheme: JEE_ADVANCED_SCHEMES.multiCorrectPartial },
        { questionCount: 6, allowedTypes: ['numerical'], scheme: { correct: 4, wrong: 0 } },
      ],
    });
    expect(custom).toMatchObject({ id: 'jee_advanced_paper2', version: 2023, totalMarks: 144 });
    expect(custom.sections).toHaveLength(6);
    expect(validateTemplate(custom)).toEqual([]);
  });

  it('finds templates by id, latest version by default', () => {
    expect(findTemplate('neet_ug')).toBe(NEET_UG_2025);
    expect(findTemplate('neet_ug', 2021)).toBe(NEET_UG_2021);
    expect(findTemplate('cat')).toBe(CAT_2025);
    expect(findTemplate('nope')).toBeUndefined();
  });
});

describe('validateTemplate', () => {
  it('reports marks that do not add up, bad best-of and locked sections without time', () => {
    const broken: ExamTemplate = {
      ...CAT_2024,
      totalMarks: 200,
      sections: [
        { ...CAT_2024.sections[0]!, bestOf: 30 },
        { ...CAT_2024.sections[1]!, durationMinutes: undefined },
        CAT_2024.sections[1]!,
      ],
    };
    expect(validateTemplate(broken).map((issue) => issue.code)).toEqual(
      expect.arrayContaining([
        'TEMPLATE_BEST_OF_INVALID',
        'TEMPLATE_SECTION_DURATION_MISSING',
        'TEMPLATE_SECTION_DUPLICATE_ID',
        'TEMPLATE_MARKS_MISMATCH',
        'TEMPLATE_DURATION_MISMATCH',
      ]),
    );
  });
});

describe('checkPaperAgainstTemplate', () => {
  const paper = fillTemplate(JEE_MAIN_2025);
  const physicsA = paper.sections[0]!;

  it('wrong count per section', () => {
    const short: Paper = {
      ...paper,
      sections: [{ ...physicsA, items: physicsA.items.slice(1) }, ...paper.sections.slice(1)],
    };
    expect(codes(short, JEE_MAIN_2025)).toEqual(['PAPER_SECTION_COUNT']);
  });

  it('a type the section does not allow', () => {
    const wrongType: Paper = {
      ...paper,
      sections: [
        {
          ...physicsA,
          items: [{ question: makeNumerical('x', { kind: 'exact', value: 1 }) }, ...physicsA.items.slice(1)],
        },
        ...paper.sections.slice(1),
      ],
    };
    expect(codes(wrongType, JEE_MAIN_2025)).toEqual(['PAPER_TYPE_NOT_ALLOWED']);
  });

  it('a question of another subject in a subject section (Chemistry in Physics Section A)', () => {
    const chemistry = makeSingle('chem-1', 'a', {
      classification: { subject: 'Chemistry', chapter: 'Mole Concept', topic: 'Stoichiometry' },
    });
    const mixed: Paper = {
      ...paper,
      sections: [
        { ...physicsA, items: [{ question: chemistry }, ...physicsA.items.slice(1)] },
        ...paper.sections.slice(1),
      ],
    };
    const issues = checkPaperAgainstTemplate(mixed, JEE_MAIN_2025);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['PAPER_SUBJECT_MISMATCH', 'sections.0.items.0'],
    ]);
    expect(issues[0]!.message).toBe(
      'Physics Section A holds Physics questions, question chem-1 is Chemistry',
    );
  });

  it('subjects are compared without case or spaces, and only where the template names one', () => {
    const lower = makeSingle('phy-lower', 'a', {
      classification: { subject: ' physics ', chapter: 'Kinematics', topic: 'Projectile motion' },
    });
    const relabelled: Paper = {
      ...paper,
      sections: [
        { ...physicsA, items: [{ question: lower }, ...physicsA.items.slice(1)] },
        ...paper.sections.slice(1),
      ],
    };
    expect(codes(relabelled, JEE_MAIN_2025)).toEqual([]);
    // UPSC General Studies spans the bank's subjects: its section's subject is a label, not a rule.
    const upsc = fillTemplate(UPSC_PRELIMS_GS1);
    const history = makeSingle('gs-history', 'a', {
      classification: { subject: 'History', chapter: 'Modern India', topic: 'Freedom struggle' },
    });
    const gs = upsc.sections[0]!;
    const withHistory: Paper = {
      ...upsc,
      sections: [{ ...gs, items: [{ question: history }, ...gs.items.slice(1)] }],
    };
    expect(codes(withHistory, UPSC_PRELIMS_GS1)).toEqual([]);
    expect(NEET_UG_2025.sections.map((section) => section.questionSubject)).toEqual(
      NEET_UG_2025.sections.map((section) => section.subject),
    );
  });

  it('JEE Main Section B takes integer answers only: a decimal-answer numerical question is refused', () => {
    const physicsB = paper.sections[1]!;
    expect(physicsB.id).toBe('physics_b');
    const withDecimal: Paper = {
      ...paper,
      sections: [
        physicsA,
        {
          ...physicsB,
          items: [
            { question: makeNumerical('dec', { kind: 'tolerance', value: '2.5', tolerance: '0.01' }) },
            { question: makeNumerical('int-key-decimal-input', { kind: 'exact', value: 3 }) },
            ...physicsB.items.slice(2),
          ],
        },
        ...paper.sections.slice(2),
      ],
    };
    const issues = checkPaperAgainstTemplate(withDecimal, JEE_MAIN_2025);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['PAPER_ANSWER_NOT_INTEGER', 'sections.1.items.0'],
      ['PAPER_ANSWER_NOT_INTEGER', 'sections.1.items.1'],
    ]);
    expect(JEE_MAIN_2025.sections.filter((s) => s.integerAnswersOnly).map((s) => s.id)).toEqual([
      'physics_b',
      'chemistry_b',
      'mathematics_b',
    ]);
  });

  it('marks that do not add up (a per-question override)', () => {
    const overridden: Paper = {
      ...paper,
      sections: [
        {
          ...physicsA,
          items: [{ ...physicsA.items[0]!, marking: { correct: 5 } }, ...physicsA.items.slice(1)],
        },
        ...paper.sections.slice(1),
      ],
    };
    expect(codes(overridden, JEE_MAIN_2025)).toEqual(['PAPER_SECTION_MARKS_MISMATCH']);
  });

  it('scheme, duration, missing and reordered sections, duplicates, invalid questions, split passages', () => {
    const [first, second, ...rest] = paper.sections;
    const messy: Paper = {
      ...paper,
      durationMinutes: 200,
      sections: [
        { ...second!, scheme: { correct: 4, wrong: 0 } },
        {
          ...first!,
          items: [
            { question: { ...makeSingle('p-dup'), groupId: 'g' } },
            { question: makeSingle('p-dup', 'z') },
            { question: { ...makeSingle('p-3'), groupId: 'g' } },
            ...first!.items.slice(3),
          ],
        },
        ...rest.slice(1),
      ],
    };
    expect(codes(messy, JEE_MAIN_2025)).toEqual(
      expect.arrayContaining([
        'PAPER_DURATION_MISMATCH',
        'PAPER_SECTION_MISSING',
        'PAPER_SCHEME_MISMATCH',
        'PAPER_SECTION_ORDER',
        'PAPER_DUPLICATE_QUESTION',
        'KEY_UNKNOWN_OPTION',
        'PAPER_GROUP_NOT_CONTIGUOUS',
      ]),
    );
  });

  it('a paper made for another template', () => {
    expect(codes(paper, NEET_UG_2025)).toContain('PAPER_TEMPLATE_MISMATCH');
  });

  it('a best-of that differs from the template', () => {
    const neet = fillTemplate(NEET_UG_2021);
    const allCompulsory: Paper = {
      ...neet,
      sections: neet.sections.map(({ bestOf: _bestOf, ...section }) => section),
    };
    // Every Section B loses its "any k of n" and its maximum grows from k x 4 to n x 4.
    expect(codes(allCompulsory, NEET_UG_2021)).toEqual(
      Array.from({ length: 3 }, () => ['PAPER_BEST_OF_MISMATCH', 'PAPER_SECTION_MARKS_MISMATCH']).flat(),
    );
  });
});
