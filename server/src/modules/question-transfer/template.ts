/**
 * The downloadable templates: one filled, bilingual example per question type (and per numerical
 * answer form), written through the same mapper as export, so a template always imports cleanly.
 * The examples use the default syllabus every institute starts with.
 */
import type { Question } from '@examtech/core';
import { writeCsv } from './csv-format.js';
import { mapQuestionsToTable } from './question-to-row.js';
import { QUESTIONS_SHEET, writeXlsx } from './xlsx-format.js';

const kinematics = { subject: 'Physics', chapter: 'Kinematics', topic: 'Projectile Motion' };

export const TEMPLATE_QUESTIONS: readonly Question[] = [
  {
    id: 'example-1',
    type: 'mcq_single',
    classification: kinematics,
    difficulty: 'medium',
    tags: ['pyq', 'projectile'],
    source: 'JEE Main 2024, Shift 1',
    options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd', fixed: true }],
    content: {
      en: {
        stem: 'A ball is thrown at speed $u$ and angle $\\theta$. Its range is $R = \\frac{u^2 \\sin 2\\theta}{g}$, the "horizontal distance".\nFor which $\\theta$ is $R$ maximum?',
        options: [
          { id: 'a', text: '$30^\\circ$' },
          { id: 'b', text: '$45^\\circ$' },
          { id: 'c', text: '$60^\\circ$' },
          { id: 'd', text: 'None of these' },
        ],
        solution: '$\\sin 2\\theta$ is largest, 1, at $2\\theta = 90^\\circ$, i.e. $\\theta = 45^\\circ$.',
      },
      hi: {
        stem: 'एक गेंद को चाल $u$ तथा कोण $\\theta$ पर फेंका जाता है। इसकी परास $R = \\frac{u^2 \\sin 2\\theta}{g}$ है, "क्षैतिज दूरी"।\nकिस $\\theta$ के लिए $R$ अधिकतम है?',
        options: [
          { id: 'a', text: '$30^\\circ$' },
          { id: 'b', text: '$45^\\circ$' },
          { id: 'c', text: '$60^\\circ$' },
          { id: 'd', text: 'इनमें से कोई नहीं' },
        ],
        solution: '$\\sin 2\\theta$ का अधिकतम मान 1 है, जब $2\\theta = 90^\\circ$, अतः $\\theta = 45^\\circ$।',
      },
    },
    key: { optionId: 'b' },
  },
  {
    id: 'example-2',
    type: 'mcq_multi',
    classification: {
      subject: 'Chemistry',
      chapter: 'Chemical Bonding and Molecular Structure',
      topic: 'Hybridisation',
    },
    difficulty: 'hard',
    tags: ['jee-advanced'],
    options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
    content: {
      en: {
        stem: 'Which of the following have $sp^3$ hybridised central atoms?',
        options: [
          { id: 'a', text: '$\\mathrm{CH_4}$' },
          { id: 'b', text: '$\\mathrm{BF_3}$' },
          { id: 'c', text: '$\\mathrm{NH_3}$' },
          { id: 'd', text: '$\\mathrm{CO_2}$' },
        ],
      },
      hi: {
        stem: 'निम्नलिखित में से किनके केंद्रीय परमाणु $sp^3$ संकरित हैं?',
        options: [
          { id: 'a', text: '$\\mathrm{CH_4}$' },
          { id: 'b', text: '$\\mathrm{BF_3}$' },
          { id: 'c', text: '$\\mathrm{NH_3}$' },
          { id: 'd', text: '$\\mathrm{CO_2}$' },
        ],
      },
    },
    key: { optionIds: ['a', 'c'] },
  },
  {
    id: 'example-3',
    type: 'numerical',
    classification: kinematics,
    difficulty: 'easy',
    tags: [],
    format: { integerOnly: true },
    content: {
      en: {
        stem: 'A body starts from rest with $a = 2\\,\\mathrm{m/s^2}$. Find the distance (in m) covered in $3\\,\\mathrm{s}$.',
      },
      hi: {
        stem: 'एक पिंड विराम से $a = 2\\,\\mathrm{m/s^2}$ से चलता है। $3\\,\\mathrm{s}$ में तय दूरी (m में) ज्ञात कीजिए।',
      },
    },
    key: { kind: 'exact', value: '9' },
  },
  {
    id: 'example-4',
    type: 'numerical',
    classification: { subject: 'Physics', chapter: 'Current Electricity', topic: "Ohm's Law" },
    difficulty: 'medium',
    tags: [],
    format: { decimals: 2, rounding: 'truncate_or_round' },
    content: {
      en: {
        stem: 'Find the current (in A) through a $3.3\\,\\Omega$ resistor across $10\\,\\mathrm{V}$, to two decimal places.',
      },
      hi: {
        stem: '$10\\,\\mathrm{V}$ पर जुड़े $3.3\\,\\Omega$ प्रतिरोध में धारा (A में) दो दशमलव स्थानों तक ज्ञात कीजिए।',
      },
    },
    key: { kind: 'tolerance', value: '3.03', tolerance: '0.01' },
  },
  {
    id: 'example-5',
    type: 'numerical',
    classification: {
      subject: 'Mathematics',
      chapter: 'Sequences and Series',
      topic: 'Geometric Progression',
    },
    difficulty: 'medium',
    tags: [],
    format: {},
    content: {
      en: {
        stem: 'Give any value of $r$ for which $1 + r + r^2 + \\dots$ converges to a sum between 2 and 4.',
      },
      hi: { stem: '$r$ का कोई ऐसा मान दीजिए जिसके लिए $1 + r + r^2 + \\dots$ का योग 2 और 4 के बीच हो।' },
    },
    key: { kind: 'range', min: '0.5', max: '0.75' },
  },
  {
    id: 'example-6',
    type: 'matrix_match',
    classification: { subject: 'Physics', chapter: 'Electrostatics', topic: 'Electric Field' },
    difficulty: 'hard',
    tags: ['matrix'],
    rows: [{ id: 'p' }, { id: 'q' }, { id: 'r' }, { id: 's' }],
    columns: [{ id: '1' }, { id: '2' }, { id: '3' }, { id: '4' }],
    allowMultiplePerRow: true,
    content: {
      en: {
        stem: 'Match List I (charge distribution) with List II (field at distance $r$).',
        rows: [
          { id: 'p', text: 'Point charge' },
          { id: 'q', text: 'Infinite line charge' },
          { id: 'r', text: 'Infinite plane sheet' },
          { id: 's', text: 'Uniformly charged sphere, outside' },
        ],
        columns: [
          { id: '1', text: '$E \\propto r^{-2}$' },
          { id: '2', text: '$E \\propto r^{-1}$' },
          { id: '3', text: '$E$ independent of $r$' },
          { id: '4', text: 'Same as a point charge' },
        ],
      },
      hi: {
        stem: 'सूची I (आवेश वितरण) को सूची II (दूरी $r$ पर क्षेत्र) से सुमेलित कीजिए।',
        rows: [
          { id: 'p', text: 'बिंदु आवेश' },
          { id: 'q', text: 'अनंत रेखीय आवेश' },
          { id: 'r', text: 'अनंत समतल चादर' },
          { id: 's', text: 'एकसमान आवेशित गोला, बाहर' },
        ],
        columns: [
          { id: '1', text: '$E \\propto r^{-2}$' },
          { id: '2', text: '$E \\propto r^{-1}$' },
          { id: '3', text: '$E$, $r$ पर निर्भर नहीं' },
          { id: '4', text: 'बिंदु आवेश के समान' },
        ],
      },
    },
    key: { matches: { p: ['1', '4'], q: ['2'], r: ['3'], s: ['1', '4'] } },
  },
  {
    id: 'example-7',
    type: 'assertion_reason',
    classification: { subject: 'Biology', chapter: 'Cell: Structure and Function', topic: 'Cell Organelles' },
    difficulty: 'easy',
    tags: ['neet'],
    content: {
      en: {
        stem: 'Read Statement I (assertion) and Statement II (reason).',
        assertion: 'Mitochondria are called the "powerhouse" of the cell.',
        reason: 'Mitochondria synthesise ATP, the energy currency of the cell.',
      },
      hi: {
        stem: 'कथन I (अभिकथन) और कथन II (कारण) पढ़िए।',
        assertion: 'माइटोकॉन्ड्रिया को कोशिका का "ऊर्जा गृह" कहा जाता है।',
        reason: 'माइटोकॉन्ड्रिया ATP का संश्लेषण करते हैं, जो कोशिका की ऊर्जा मुद्रा है।',
      },
    },
    key: { optionId: 'both_true_reason_explains' },
  },
  {
    id: 'example-8',
    type: 'tita',
    classification: { subject: 'CAT', chapter: 'QA', topic: 'Arithmetic' },
    difficulty: 'medium',
    tags: ['cat-2024'],
    source: 'CAT 2024 Slot 2',
    content: {
      en: { stem: 'A sum doubles in 5 years at simple interest. In how many years will it become 4 times?' },
      hi: { stem: 'साधारण ब्याज पर एक राशि 5 वर्ष में दोगुनी हो जाती है। यह कितने वर्ष में 4 गुनी होगी?' },
    },
    key: { accepted: ['15'], compare: 'number' },
  },
];

export function buildTemplateCsv(): Buffer {
  const { header, rows } = mapQuestionsToTable(TEMPLATE_QUESTIONS);
  return writeCsv(header, rows);
}

export function buildTemplateXlsx(): Promise<Buffer> {
  const { header, rows } = mapQuestionsToTable(TEMPLATE_QUESTIONS);
  return writeXlsx([
    { name: QUESTIONS_SHEET, header, rows, widths: { type: 16, answer: 18, stem_en: 48, stem_hi: 48 } },
  ]);
}
