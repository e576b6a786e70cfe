/** Small builders so each test states only what matters to it. */
import type {
  AssertionReasonQuestion,
  MarkingScheme,
  MatrixMatchQuestion,
  McqMultiQuestion,
  McqSingleQuestion,
  NumericalFormat,
  NumericalKey,
  NumericalQuestion,
  Paper,
  PaperItem,
  PaperSection,
  Question,
  TitaQuestion,
  ExamTemplate,
} from '../src/index.js';
import { createPaperFromTemplate } from '../src/index.js';

const common = (id: string) => ({
  id,
  classification: { subject: 'Physics', chapter: 'Kinematics', topic: 'Projectile motion' },
  difficulty: 'medium' as const,
  tags: ['pyq'],
  source: 'JEE Main 2024 Shift 1',
});

export const OPTION_IDS = ['a', 'b', 'c', 'd'] as const;

function options(ids: readonly string[], language: string) {
  return ids.map((id) => ({ id, text: `${language} option ${id}` }));
}

export function makeSingle(id: string, key = 'a', extra: Partial<McqSingleQuestion> = {}): McqSingleQuestion {
  return {
    ...common(id),
    type: 'mcq_single',
    content: {
      en: {
        stem: `Question ${id}`,
        options: options(OPTION_IDS, 'en'),
        solution: 'Because SECRET_SOLUTION.',
      },
      hi: { stem: `प्रश्न ${id}`, options: options(OPTION_IDS, 'hi'), solution: 'क्योंकि SECRET_SOLUTION.' },
    },
    options: OPTION_IDS.map((optionId) => ({ id: optionId })),
    key: { optionId: key },
    ...extra,
  };
}

export function makeMulti(id: string, correct: readonly string[]): McqMultiQuestion {
  return {
    ...common(id),
    type: 'mcq_multi',
    content: { en: { stem: `Multi ${id}`, options: options(OPTION_IDS, 'en'), solution: 'SECRET_SOLUTION' } },
    options: OPTION_IDS.map((optionId) => ({ id: optionId })),
    key: { optionIds: correct },
  };
}

export function makeNumerical(
  id: string,
  key: NumericalKey,
  format: NumericalFormat = {},
): NumericalQuestion {
  return {
    ...common(id),
    type: 'numerical',
    content: { en: { stem: `Numerical ${id}`, solution: 'SECRET_SOLUTION' } },
    format,
    key,
  };
}

export function makeMatrix(
  id: string,
  matches: Record<string, readonly string[]>,
  allowMultiplePerRow = true,
): MatrixMatchQuestion {
  const rows = ['p', 'q', 'r', 's'];
  const columns = ['1', '2', '3', '4', '5'];
  return {
    ...common(id),
    type: 'matrix_match',
    content: {
      en: {
        stem: `Match ${id}`,
        rows: options(rows, 'en'),
        columns: options(columns, 'en'),
        solution: 'SECRET_SOLUTION',
      },
    },
    rows: rows.map((rowId) => ({ id: rowId })),
    columns: columns.map((columnId) => ({ id: columnId })),
    allowMultiplePerRow,
    key: { matches },
  };
}

export function makeAssertionReason(id: string): AssertionReasonQuestion {
  return {
    ...common(id),
    type: 'assertion_reason',
    content: {
      en: {
        stem: 'Read both statements.',
        assertion: 'Ice floats on water.',
        reason: 'Ice is less dense than water.',
        solution: 'SECRET_SOLUTION',
      },
    },
    key: { optionId: 'both_true_reason_explains' },
  };
}

export function makeTita(
  id: string,
  accepted: readonly string[],
  compare: 'text' | 'number' = 'number',
): TitaQuestion {
  return {
    ...common(id),
    type: 'tita',
    content: { en: { stem: `Type the answer ${id}`, solution: 'SECRET_SOLUTION' } },
    key: { accepted, compare },
  };
}

export function makeSection(
  id: string,
  scheme: MarkingScheme,
  questions: readonly Question[],
  extra: Partial<PaperSection> = {},
): PaperSection {
  return { id, name: id, scheme, items: questions.map((question): PaperItem => ({ question })), ...extra };
}

export function makePaper(sections: readonly PaperSection[], extra: Partial<Paper> = {}): Paper {
  return {
    id: 'paper-1',
    name: 'Test paper',
    durationMinutes: 180,
    lockedSections: false,
    sections,
    ...extra,
  };
}

export const JEE_MAIN_LIKE: MarkingScheme = { correct: 4, wrong: -1 };

/** Fills every section of a template with valid questions of its first allowed type. */
export function fillTemplate(template: ExamTemplate): Paper {
  const questions: Record<string, Question[]> = {};
  for (const section of template.sections) {
    questions[section.id] = Array.from({ length: section.questionCount }, (_, index) => {
      const id = `${section.id}-${index + 1}`;
      const type = section.allowedTypes[0];
      const question =
        type === 'mcq_multi'
          ? makeMulti(id, ['a', 'b'])
          : type === 'numerical'
            ? makeNumerical(id, { kind: 'exact', value: index }, { integerOnly: true })
            : type === 'tita'
              ? makeTita(id, ['1'])
              : makeSingle(id, 'a');
      // A Chemistry section holds Chemistry questions (the checker verifies it).
      const subject = section.questionSubject ?? question.classification.subject;
      return { ...question, classification: { ...question.classification, subject } };
    });
  }
  return createPaperFromTemplate(template, { id: `${template.id}-${template.version}`, questions });
}
