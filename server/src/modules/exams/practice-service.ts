import { findTemplate, QUESTION_TYPES, type QuestionType } from '@examtech/core';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { CandidateRow, QuestionBankService } from '../questions/question-bank-service.js';
import type { SyllabusService } from '../syllabus/syllabus-service.js';
import { resolveBankFilter } from './bank-filter.js';
import { buildPaper, type ExamDraft } from './exam-draft.js';
import { findReservedQuestions } from './result-release.js';
import { createDefaultSettings, defaultInstructions } from './exam-defaults.js';
import * as repo from './exam-repo.js';
import * as practiceRepo from './practice-repo.js';
import { freezeSnapshot } from './snapshots.js';
import { pickQuestions } from './question-picker.js';
import { presentPracticeTest, presentPracticeTestItem } from './practice-presenter.js';

export type PracticeInput = {
  scope: 'chapter' | 'subject' | 'template' | 'topic';
  chapterIds?: string[] | undefined;
  topicIds?: string[] | undefined;
  /**
   * Only questions the student has never seen in any attempt (practice or mock). Never filled
   * with seen ones: a shorter test says so in `shortfall`, none at all is PRACTICE_NO_UNSEEN_QUESTIONS.
   */
  excludeSeen?: boolean | undefined;
  subjectIds?: string[] | undefined;
  templateId?: string | undefined;
  questionCount: number;
  difficulty: 'easy' | 'medium' | 'hard' | 'mixed';
  durationMinutes?: number | undefined;
};

// JEE Main gives 180 minutes for 75 questions: 2.4 minutes each.
const MINUTES_PER_QUESTION = 2.4;

/**
 * Each practice test freezes a paper snapshot, so creation is capped per student: generous for
 * honest practice (a test every two minutes for an hour), a wall for a script. `openTests` are
 * those never submitted; `perDay` is a rolling 24 hours.
 */
export const PRACTICE_LIMITS = { perHour: 30, perDay: 100, openTests: 10 } as const;

export function createPracticeService(deps: {
  database: Database;
  bank: QuestionBankService;
  syllabus: Pick<SyllabusService, 'listNodesOf'>;
  /** The attempts module's answers (wired in app.ts; exams never imports attempts). */
  attempts: {
    /** How many of `examIds` have a submitted attempt: which practice tests are still open. */
    countSubmitted(conn: Db | Tx, examIds: readonly string[]): Promise<number>;
    /** The papers of the student's attempts past Start (what they have seen). */
    listSeenSnapshotIds(conn: Db | Tx, userId: string): Promise<string[]>;
  };
  clock: Clock;
}) {
  const { db } = deps.database;
  const { bank, clock } = deps;

  async function readSettings(instituteId: string) {
    const row = await practiceRepo.findPracticeSettings(db, instituteId);
    return { disabledSubjectIds: row?.disabledSubjectIds ?? [], releasedOnly: row?.releasedOnly ?? false };
  }

  /** Questions in the student's earlier practice tests: shown again only when nothing new is left. */
  async function findSeenQuestionIds(userId: string): Promise<Set<string>> {
    return new Set(await practiceRepo.findPracticeQuestionIdsOf(db, userId));
  }

  /** Every question of a paper the student has started, mock or practice. */
  async function findQuestionIdsInAttempts(userId: string): Promise<string[]> {
    const snapshots = await repo.findSnapshotQuestionIds(
      db,
      await deps.attempts.listSeenSnapshotIds(db, userId),
    );
    return [...new Set(snapshots.flatMap((s) => s.questionIds))];
  }

  /** Refuses with PRACTICE_LIMIT_REACHED when the student is at a cap; `conn` may hold the student's lock. */
  async function assertUnderLimits(conn: Db | Tx, userId: string) {
    const counts = await practiceRepo.countPracticeTests(conn, userId, clock.now());
    const open = counts.examIds.length - (await deps.attempts.countSubmitted(conn, counts.examIds));
    const reached =
      open >= PRACTICE_LIMITS.openTests
        ? 'open'
        : counts.lastHour >= PRACTICE_LIMITS.perHour
          ? 'hour'
          : counts.lastDay >= PRACTICE_LIMITS.perDay
            ? 'day'
            : null;
    if (reached)
      throw new AppError('PRACTICE_LIMIT_REACHED', undefined, {
        extra: { limit: reached, limits: PRACTICE_LIMITS },
      });
  }

  return {
    async getSettings(actor: Actor) {
      const scoped = authorizeInInstitute(actor, 'practice:read-settings');
      return readSettings(scoped.instituteId);
    },

    async saveSettings(actor: Actor, input: { disabledSubjectIds: string[]; releasedOnly: boolean }) {
      const scoped = authorizeInInstitute(actor, 'practice:settings');
      const ids = [...new Set(input.disabledSubjectIds)];
      const subjects = ids.length ? await deps.syllabus.listNodesOf(db, scoped.instituteId) : [];
      const known = subjects.filter((n) => n.kind === 'subject' && ids.includes(n.id));
      if (known.length !== ids.length)
        throw new AppError('VALIDATION_FAILED', 'Unknown subject.', {
          fields: [{ path: 'disabledSubjectIds', message: 'Unknown subject.' }],
        });
      const values = {
        disabledSubjectIds: ids,
        releasedOnly: input.releasedOnly,
        updatedBy: actor.userId,
        updatedAt: nowDate(clock),
      };
      await practiceRepo.upsertPracticeSettings(db, scoped.instituteId, values);
      return readSettings(scoped.instituteId);
    },

    async createPracticeTest(actor: Actor, input: PracticeInput) {
      const scoped = authorizeInInstitute(actor, 'practice:create');
      await assertUnderLimits(db, actor.userId);
      const settings = await readSettings(scoped.instituteId);
      // Questions of published exams whose results are not out: their keys would come back here.
      const reserved = [...(await findReservedQuestions(db, scoped.instituteId, clock.now())).keys()];
      const excluded = input.excludeSeen
        ? [...reserved, ...(await findQuestionIdsInAttempts(actor.userId))]
        : reserved;
      const nodes = await deps.syllabus.listNodesOf(db, scoped.instituteId);
      const subjectOf = (nodeId: string) => nodes.find((n) => n.id === nodeId)?.parentId ?? null;
      const difficulty = input.difficulty === 'mixed' ? undefined : input.difficulty;
      const seen = await findSeenQuestionIds(actor.userId);
      const unseen = (rows: CandidateRow[]) => new Set(rows.filter((r) => !seen.has(r.id)).map((r) => r.id));

      // One draft section per requested part: a chapter/subject test is one section; a mock follows its template.
      type Part = {
        id: string;
        name: string;
        subjectIds?: string[];
        chapterIds?: string[];
        topicIds?: string[];
        count: number;
        types: readonly QuestionType[];
        scheme: ExamDraft['sections'][number]['scheme'];
      };
      let parts: Part[];
      let title: string;
      if (input.scope === 'template') {
        const template = input.templateId ? findTemplate(input.templateId) : undefined;
        if (!template)
          throw new AppError('VALIDATION_FAILED', 'Unknown template.', {
            fields: [{ path: 'templateId', message: 'Choose a template.' }],
          });
        title = `Practice mock: ${template.name}`;
        parts = template.sections.map((section) => {
          const subject = nodes.find(
            (n) => n.kind === 'subject' && n.name.toLowerCase() === (section.subject ?? '').toLowerCase(),
          );
          return {
            id: section.id,
            name: section.name,
            ...(subject ? { subjectIds: [subject.id] } : {}),
            count: section.questionCount,
            types: section.allowedTypes,
            scheme: section.scheme,
          };
        });
      } else {
        const path = `${input.scope}Ids` as const;
        const ids = input[path] ?? [];
        const chosen = nodes.filter((n) => ids.includes(n.id) && n.kind === input.scope);
        if (chosen.length === 0 || chosen.length !== new Set(ids).size) {
          throw new AppError('VALIDATION_FAILED', `Choose at least one ${input.scope}.`, {
            fields: [{ path, message: `Unknown or missing ${input.scope}.` }],
          });
        }
        const names = chosen.map((n) => n.name);
        title = `Practice: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`;
        parts = [
          {
            id: 'practice',
            name: 'Practice',
            [path]: ids,
            count: input.questionCount,
            types: QUESTION_TYPES,
            scheme: { correct: 4, wrong: -1 },
          },
        ];
      }
      const subjectIds = parts.flatMap((p) => [
        ...(p.subjectIds ?? []),
        ...(p.chapterIds ?? []).flatMap((c) => subjectOf(c) ?? []),
        ...(p.topicIds ?? []).flatMap((t) => subjectOf(subjectOf(t) ?? '') ?? []),
      ]);
      if (subjectIds.some((id) => settings.disabledSubjectIds.includes(id)))
        throw new AppError('PRACTICE_DISABLED');

      const taken = new Set<string>();
      const shortfalls: string[] = [];
      const sections: ExamDraft['sections'] = [];
      for (const part of parts) {
        const filter = await resolveBankFilter(
          db,
          scoped.instituteId,
          {
            ...(part.subjectIds ? { subjectIds: part.subjectIds } : {}),
            ...(part.chapterIds ? { chapterIds: part.chapterIds } : {}),
            ...(part.topicIds ? { topicIds: part.topicIds } : {}),
            ...(difficulty ? { difficulty } : {}),
            types: part.types,
            excludeSubjectIds: settings.disabledSubjectIds,
            excludeIds: excluded,
            releasedOnly: settings.releasedOnly,
          },
          clock.now(),
        );
        const candidates = await bank.findCandidateQuestions(db, scoped.instituteId, filter);
        const picked = pickQuestions(candidates, part.count, {
          seed: `${actor.userId}:${clock.now()}:${part.id}`,
          excludeIds: taken,
          preferIds: unseen(candidates),
        });
        picked.forEach((id) => taken.add(id));
        if (picked.length < part.count)
          shortfalls.push(
            `${part.name}: ${part.count} questions asked, ${picked.length} ${input.excludeSeen ? 'not seen before ' : ''}available`,
          );
        if (picked.length === 0) continue;
        sections.push({
          id: part.id,
          name: part.name,
          scheme: part.scheme,
          allowedTypes: [...part.types],
          questionCount: picked.length,
          shuffleQuestions: true,
          shuffleOptions: true,
          items: picked.map((questionId) => ({ questionId })),
        });
      }
      if (taken.size === 0)
        throw new AppError(input.excludeSeen ? 'PRACTICE_NO_UNSEEN_QUESTIONS' : 'PRACTICE_NO_QUESTIONS');

      const durationMinutes =
        input.durationMinutes ?? Math.max(5, Math.round(taken.size * MINUTES_PER_QUESTION));
      const draft: ExamDraft = {
        durationMinutes,
        lockedSections: false,
        instructions: defaultInstructions(durationMinutes),
        sections,
      };
      const practice = await db.transaction(async (tx) => {
        // Checked again under the student's lock: two creations at once cannot both pass a cap.
        await practiceRepo.lockPracticeCreation(tx, actor.userId);
        await assertUnderLimits(tx, actor.userId);
        const exam = await repo.insertExam(tx, {
          instituteId: scoped.instituteId,
          kind: 'practice',
          title,
          draft,
          settings: createDefaultSettings('practice'),
          ownerId: actor.userId,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        const loaded = await bank.loadCurrentQuestions(tx, scoped.instituteId, [...taken]);
        const paper = buildPaper(exam, draft, new Map([...loaded].map(([id, q]) => [id, q.question])));
        const snapshotId = await freezeSnapshot(tx, {
          examId: exam.id,
          instituteId: scoped.instituteId,
          paper,
          loaded,
          settings: createDefaultSettings('practice'),
          createdBy: actor.userId,
        });
        return repo.updateExam(tx, exam.id, { publishedSnapshotId: snapshotId, publishedAt: nowDate(clock) });
      });
      return { practiceTest: presentPracticeTest(practice, taken.size, durationMinutes, shortfalls) };
    },

    async listPracticeTests(actor: Actor) {
      const scoped = authorizeInInstitute(actor, 'practice:create');
      const rows = await practiceRepo.listPracticeTestsOf(db, scoped.instituteId, actor.userId);
      return rows.map(presentPracticeTestItem);
    },
  };
}

export type PracticeService = ReturnType<typeof createPracticeService>;
