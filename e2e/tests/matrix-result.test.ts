// A student's matrix-match answer on the result page reads as pairs of the lists' items (not
// "P→1, Q→2"), and an unanswered question says so in the interface's language. Screenshots go to
// .tmp/screenshots/matrix-result-*.png for review.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  enterExam,
  expectAllSaved,
  signIn,
  student,
  submitExam,
  teacher,
  useExamRoomSuite,
} from '../support/exam-room.js';
import { switchInterfaceLanguage } from '../support/ui-language.js';

const { signInOverHttp, openPage, shoot } = useExamRoomSuite({ prefix: 'matrix-result-' });
let chapterId = '';

/** A chapter of its own under Chemistry: one bilingual matrix-match question and four numerical. */
beforeAll(async () => {
  const author = await signInOverHttp(teacher);
  const tree = await author.call<{ subjects: { id: string; name: string }[] }>('GET', '/api/syllabus');
  const chemistryId = tree.subjects.find((s) => s.name === 'Chemistry')!.id;
  chapterId = (
    await author.call<{ node: { id: string } }>('POST', '/api/syllabus/nodes', {
      kind: 'chapter',
      parentId: chemistryId,
      name: 'Matrix result drills',
    })
  ).node.id;
  const topicId = (
    await author.call<{ node: { id: string } }>('POST', '/api/syllabus/nodes', {
      kind: 'topic',
      parentId: chapterId,
      name: 'Shapes of molecules',
    })
  ).node.id;
  const rows = [
    { id: 'p', text: '$\\ce{CH4}$' },
    { id: 'q', text: '$\\ce{H2O}$' },
  ];
  await author.call('POST', '/api/questions', {
    topicId,
    question: {
      type: 'matrix_match',
      difficulty: 'medium',
      tags: [],
      rows: [{ id: 'p' }, { id: 'q' }],
      columns: [{ id: '1' }, { id: '2' }],
      allowMultiplePerRow: false,
      key: { matches: { p: ['1'], q: ['2'] } },
      content: {
        en: {
          stem: 'Match each molecule with its shape.',
          rows,
          columns: [
            { id: '1', text: 'Tetrahedral' },
            { id: '2', text: 'Bent' },
          ],
        },
        hi: {
          stem: 'प्रत्येक अणु का उसके आकार से मिलान कीजिए।',
          rows,
          columns: [
            { id: '1', text: 'चतुष्फलकीय' },
            { id: '2', text: 'मुड़ा हुआ' },
          ],
        },
      },
    },
  });
  // Practice tests hold at least five questions: four numerical ones, left unanswered.
  for (let i = 1; i <= 4; i++) {
    await author.call('POST', '/api/questions', {
      topicId,
      question: {
        type: 'numerical',
        difficulty: 'medium',
        tags: [],
        format: { integerOnly: true },
        key: { kind: 'exact', value: i },
        content: { en: { stem: `Numerical ${i}: what is $\\sqrt{${i * i}}$?` } },
      },
    });
  }
});

describe('matrix-match answers on the result page', () => {
  test('read as pairs of items, and "Not answered" follows the interface language', async () => {
    const client = await signInOverHttp(student(3));
    const { practiceTest } = await client.call<{ practiceTest: { id: string } }>(
      'POST',
      '/api/practice-tests',
      {
        scope: 'chapter',
        chapterIds: [chapterId],
        questionCount: 5,
        difficulty: 'mixed',
        durationMinutes: 30,
      },
    );
    const { context, page } = await openPage({ width: 1366, height: 900 });
    await signIn(page, student(3));
    await enterExam(page, practiceTest.id);
    // Whichever comes first: match P with 1 and Q with 1 (one right, one wrong); leave the numerical.
    for (let step = 0; step < 5; step++) {
      const grid = page.getByRole('checkbox', { name: 'P matches 1' });
      if (await grid.isVisible()) {
        await grid.check();
        await page.getByRole('checkbox', { name: 'Q matches 1' }).check();
      }
      await page.getByRole('button', { name: 'Save & Next' }).click();
    }
    await expectAllSaved(page);
    await submitExam(page);
    await page.getByTestId('total-score').waitFor();

    // The question bodies are folded: only the matrix card holds \\ce{CH4} (its answer's items).
    const cards = page.getByRole('article');
    const matrix = cards.filter({ hasText: 'CH4' });
    const numerical = cards.filter({ hasNotText: 'CH4' }).first();
    await matrix.waitFor();
    const line = (label: RegExp) => matrix.getByText(label).locator('xpath=..');
    const answerLine = line(/^Your answer:$/u);
    const keyLine = line(/^Correct answer:$/u);
    expect(await answerLine.innerText()).toMatch(
      /P[\s\S]*→\s*1\s*Tetrahedral[\s\S]*Q[\s\S]*→\s*1\s*Tetrahedral/u,
    );
    expect(await keyLine.innerText()).toMatch(/P[\s\S]*→\s*1\s*Tetrahedral[\s\S]*Q[\s\S]*→\s*2\s*Bent/u);
    expect(await matrix.locator('.katex-error').count()).toBe(0);
    expect(await numerical.getByText('Not answered', { exact: true }).count()).toBe(1);
    await shoot(page, 'desktop', { isFullPage: true });

    // The room keeps the language the exam was sat in within its tab: switch in a new one.
    const resultUrl = page.url();
    await page.close();
    const hindiPage = await context.newPage();
    await hindiPage.goto('/');
    await switchInterfaceLanguage(hindiPage, 'hi');
    await hindiPage.goto(resultUrl);
    // A new tab opens a submitted attempt on its ended screen, which leads to the result.
    const ended = hindiPage.getByRole('link', { name: 'अपना परिणाम देखें' });
    const score = hindiPage.getByTestId('total-score');
    await ended.or(score).first().waitFor();
    if (await ended.isVisible()) await ended.click();
    await score.waitFor();
    const hindiCards = hindiPage.getByRole('article');
    await hindiCards
      .filter({ hasNotText: 'CH4' })
      .first()
      .getByText('उत्तर नहीं दिया', { exact: true })
      .waitFor();
    const hindiAnswer = hindiCards.filter({ hasText: 'CH4' }).getByText('आपका उत्तर:').locator('xpath=..');
    expect(await hindiAnswer.innerText()).toMatch(/P[\s\S]*→\s*1\s*चतुष्फलकीय/u);
    await shoot(hindiPage, 'desktop-hindi', { isFullPage: true });
    await context.close();
  });
});
