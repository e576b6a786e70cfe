// Issue 11, "Across exams": a student with a submitted practice test opens My progress, reads
// their weak areas (mastery bars, the questions behind a topic), the recommendations and their trends, and
// starts a practice test of the recommended topics in one click. Screenshots go to
// .tmp/screenshots/progress-*.png for review.
import { describe, expect, test } from 'vitest';
import { demo, demoStudent } from '../../server/src/seed/demo-accounts.js';
import { signInApi } from '../support/api.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { signIn } from '../support/exam-room.js';
import { expectShippedFont, switchInterfaceLanguage } from '../support/ui-language.js';

const viewports = {
  desktop: { viewport: { width: 1366, height: 800 }, student: demoStudent(4) },
  phone: { viewport: { width: 390, height: 844 }, student: demoStudent(5) },
};
const topicName = 'Lens Formula';

/** A chapter of its own with 8 questions on one topic and 4 on another (key `b`). */
async function buildChapter(baseUrl: string): Promise<{ lens: string; mirrors: string }> {
  const teacher = await signInApi(baseUrl, demo.teacher.email, demo.teacher.password);
  const tree = await teacher<{ subjects: { id: string; name: string }[] }>('GET', '/api/syllabus');
  const physics = tree.subjects.find((s) => s.name === 'Physics')!.id;
  const node = async (kind: string, parentId: string, name: string) =>
    (await teacher<{ node: { id: string } }>('POST', '/api/syllabus/nodes', { kind, parentId, name })).node
      .id;
  const chapter = await node('chapter', physics, 'Ray Optics Drill');
  const lens = await node('topic', chapter, topicName);
  const mirrors = await node('topic', chapter, 'Plane Mirrors');
  const add = async (topicId: string, i: number) => {
    const options = ['a', 'b', 'c', 'd'].map((id, k) => ({
      id,
      text: `$${(i + 1) * (k + 2)}\\,\\text{cm}$`,
    }));
    await teacher('POST', '/api/questions', {
      topicId,
      question: {
        type: 'mcq_single',
        difficulty: 'medium',
        tags: ['e2e'],
        options: options.map(({ id }) => ({ id })),
        key: { optionId: 'b' },
        content: {
          en: {
            stem: `An object ${i + 10} cm from a lens of focal length 5 cm: the image distance?`,
            options,
          },
        },
      },
    });
  };
  for (let i = 0; i < 8; i++) await add(lens, i);
  for (let i = 0; i < 4; i++) await add(mirrors, i);
  return { lens, mirrors };
}

/** Through the API: a 5-question practice test on `topicId`, answered with `option` throughout, submitted. */
async function submitPractice(
  baseUrl: string,
  who: { email: string; password: string },
  topicId: string,
  option: string,
) {
  const call = await signInApi(baseUrl, who.email, who.password);
  const { practiceTest } = await call<{ practiceTest: { id: string } }>('POST', '/api/practice-tests', {
    scope: 'topic',
    topicIds: [topicId],
    questionCount: 5,
    difficulty: 'mixed',
  });
  const deviceId = `e2e-progress-${practiceTest.id.slice(0, 8)}`;
  const state = await call<{ attempt: { id: string } }>('POST', `/api/exams/${practiceTest.id}/start`, {
    deviceId,
  });
  const paper = await call<{ paper: { sections: { questions: { id: string }[] }[] } }>(
    'GET',
    `/api/attempts/${state.attempt.id}/paper`,
  );
  const saves = paper.paper.sections[0]!.questions.map((q, i) => ({
    questionId: q.id,
    answer: { type: 'mcq_single', optionIds: [option] },
    state: 'answered',
    seq: i + 1,
  }));
  await call('POST', `/api/attempts/${state.attempt.id}/answers`, { deviceId, saves });
  await call('POST', `/api/attempts/${state.attempt.id}/submit`);
}

const { openPage, shoot } = useBrowserSuite('progress-', {
  setup: async (baseUrl) => {
    const { lens, mirrors } = await buildChapter(baseUrl);
    for (const { student } of Object.values(viewports)) {
      await submitPractice(baseUrl, student, lens, 'a');
      await submitPractice(baseUrl, student, mirrors, 'b');
    }
  },
});

describe('my progress', () => {
  test.each(Object.entries(viewports))(
    'a student reads their weak areas and starts the recommended practice (%s)',
    async (label, { viewport, student }) => {
      const { context, page } = await openPage(viewport);
      await signIn(page, student);
      if (label === 'desktop') await page.getByRole('link', { name: 'My progress', exact: true }).click();
      else await page.goto('/progress');
      await page.getByRole('heading', { name: 'My progress' }).waitFor();
      const tree = page.getByTestId('weak-areas');
      await tree.getByText(topicName, { exact: true }).waitFor();
      expect(await tree.innerText()).toContain('Plane Mirrors');
      await expect
        .poll(() => page.getByRole('progressbar', { name: `${topicName}: mastery 0%` }).count())
        .toBe(1);
      expect(await page.getByRole('progressbar', { name: 'Plane Mirrors: mastery 100%' }).count()).toBe(1);

      const lensRow = page.getByTestId('topic-row').filter({ hasText: topicName });
      await lensRow.getByRole('button', { name: 'Questions' }).click();
      await expect.poll(() => lensRow.innerText()).toMatch(/wrong/i);
      expect(await lensRow.innerText()).toContain('Practice: Lens Formula');

      const recs = page.getByTestId('recommendations');
      await recs.getByText(topicName, { exact: true }).waitFor();
      expect(await recs.innerText()).toContain('Low mastery across several answers');
      expect(await recs.innerText()).not.toContain('Plane Mirrors');
      await shoot(page, `weak-areas-${label}`);

      // Trends: both practice tests on the score and accuracy chart (recharts, loaded lazily).
      const trends = page.getByTestId('trends-section');
      await trends.getByRole('img', { name: 'Score and accuracy' }).waitFor();
      await trends.scrollIntoViewIfNeeded();
      await expect.poll(() => trends.locator('.recharts-line-dot').count()).toBe(4);
      expect(await trends.innerText()).toContain('Your percentile appears once a mock result is out.');
      await shoot(page, `trends-${label}`);

      // The same page in Hindi (the interface switched from the user menu), in the shipped font.
      await switchInterfaceLanguage(page, 'hi');
      await page.getByRole('heading', { name: 'मेरी प्रगति' }).waitFor();
      await page.getByRole('heading', { name: 'कमज़ोर क्षेत्र' }).waitFor();
      await page.getByRole('heading', { name: 'आगे क्या पढ़ें' }).waitFor();
      expect(await page.getByRole('progressbar', { name: `${topicName}: दक्षता 0%` }).count()).toBe(1);
      expect(await recs.innerText()).toContain('कई उत्तरों में कम दक्षता');
      expect(await lensRow.innerText()).toContain('गलत');
      await lensRow.getByRole('button', { name: 'प्रश्न छिपाएँ' }).waitFor();
      await expectShippedFont(page, 'कमज़ोर क्षेत्र');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await shoot(page, `weak-areas-${label}-hi`, { isFullPage: true });
      await switchInterfaceLanguage(page, 'en');
      await page.getByRole('heading', { name: 'My progress' }).waitFor();

      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/practice-tests') && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Practice these topics' }).click();
      const body = (await (await created).json()) as { practiceTest: { id: string; questionCount: number } };
      // Eight Lens Formula questions, five seen: three new ones.
      expect(body.practiceTest.questionCount).toBe(3);
      await page.waitForURL(`**/exam/${body.practiceTest.id}`);
      await page.getByText('I have read and understood the instructions').waitFor();
      await shoot(page, `recommended-practice-${label}`);
      await context.close();
    },
  );
});
