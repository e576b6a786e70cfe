import {
  buildAttemptPaper,
  BUILT_IN_TEMPLATES,
  toCandidatePaper,
  type Paper,
  type Question,
} from '@examtech/core';
import type { FastifyBaseLogger } from 'fastify';
import { requireInScope } from '../../platform/auth/access.js';
import { authorizeInInstitute, type Actor } from '../../platform/auth/policies.js';
import { nowDate, type Clock } from '../../platform/clock.js';
import type { BatchService } from '../batches/batch-service.js';
import type { QuestionBankService } from '../questions/question-bank-service.js';
import type { SyllabusService } from '../syllabus/syllabus-service.js';
import type { UserService } from '../users/user-service.js';
import type { Database, Tx } from '../../platform/db/database.js';
import type { DomainEvents } from '../../platform/domain-events.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { arrangeForCandidate } from './candidate-arrangement.js';
import { createExamAccess } from './exam-access.js';
import {
  presentDegradedSummary,
  presentDetailView,
  presentSummary,
  type ExamStatus,
} from './exam-presenter.js';
import { freezeSnapshot, type SnapshotCache } from './snapshots.js';
import {
  buildPaper,
  checkDraft,
  createDraftFromTemplate,
  createScratchDraft,
  findExamTemplate,
  type ExamDraft,
  type ExamSettings,
} from './exam-draft.js';
import { createDefaultSettings } from './exam-defaults.js';
import * as repo from './exam-repo.js';
import { autofillDraft, type AutofillInput, type AutofillShortfall } from './exam-autofill.js';

export type { ExamStatus } from './exam-presenter.js';
export type { AutofillInput } from './exam-autofill.js';

export type ExamService = ReturnType<typeof createExamService>;

export function createExamService(deps: {
  database: Database;
  snapshots: SnapshotCache;
  batches: Pick<BatchService, 'listBatchIdsOfMember'>;
  /** The bank the builder draws from and marks as used on publish (the questions module). */
  bank: QuestionBankService;
  syllabus: Pick<SyllabusService, 'findNodeNames'>;
  users: Pick<UserService, 'findUserNames'>;
  /** Whether a candidate has started the exam (the attempts module, which depends on this one). */
  attempts: { hasStartedAttempts(conn: Tx, examId: string): Promise<boolean> };
  log: FastifyBaseLogger;
  clock: Clock;
  events: Pick<DomainEvents, 'emit'>;
}) {
  const { database, snapshots, log, bank, clock } = deps;
  const { db } = database;

  const { findVisibility, loadExam } = createExamAccess({ db, batches: deps.batches });

  /** The paper as it stands: the frozen snapshot once published, else the draft with current versions. */
  async function resolvePaper(
    exam: repo.ExamRow,
  ): Promise<{ paper: Paper; questions: Map<string, Question>; versions: Map<string, number> }> {
    if (exam.publishedSnapshotId) {
      const { paper, questionVersions } = await snapshots.get(exam.publishedSnapshotId);
      const questions = new Map(
        paper.sections.flatMap((s) => s.items.map((i) => [i.question.id, i.question] as const)),
      );
      return { paper, questions, versions: new Map(questionVersions) };
    }
    const draft = exam.draft;
    const loaded = await bank.loadCurrentQuestions(
      db,
      exam.instituteId,
      draft.sections.flatMap((s) => s.items.map((i) => i.questionId)),
    );
    const questions = new Map([...loaded].map(([id, q]) => [id, q.question]));
    return {
      paper: buildPaper(exam, draft, questions),
      questions,
      versions: new Map([...loaded].map(([id, q]) => [id, q.version])),
    };
  }

  async function presentDetail(exam: repo.ExamRow) {
    const schedules = await repo.findSchedules(db, [exam.id]);
    const schedule = schedules.get(exam.id);
    const draft = exam.draft;
    const { paper, questions, versions } = await resolvePaper(exam);
    const template = findExamTemplate(exam.templateId, exam.templateVersion);
    const issues = exam.publishedSnapshotId ? [] : checkDraft(paper, draft, questions, template);
    const assignments = await repo.findAssignments(db, exam.id);
    const names = await deps.users.findUserNames(assignments.candidates.map((c) => c.userId));
    return presentDetailView({
      summary: presentSummary(exam, schedule, paper, log, clock.now()),
      exam,
      questions,
      versions,
      assignments,
      names,
      issues,
    });
  }

  /** Runs `change` on the locked draft. Inside it, query through `tx` only: PGlite has one connection. */
  async function updateDraftOnly(
    actor: Actor,
    id: string,
    change: (exam: repo.ExamRow, tx: Tx) => Promise<Partial<repo.ExamRow>>,
  ) {
    const { scoped } = await loadExam(actor, id, 'exams:manage');
    const updated = await db.transaction(async (tx) => {
      const locked = requireInScope(scoped, 'Exam', await repo.lockExam(tx, id));
      if (locked.publishedSnapshotId) throw new AppError('EXAM_NOT_DRAFT');
      return repo.updateExam(tx, id, { ...(await change(locked, tx)), updatedBy: actor.userId });
    });
    return presentDetail(updated);
  }

  return {
    resolvePaper,

    /**
     * The exam if the actor may manage it (institute and batch scope), for the schedule, release and
     * key-revision services and the results module.
     */
    async loadManageableExam(actor: Actor, id: string) {
      return (await loadExam(actor, id, 'exams:manage')).exam;
    },

    /** The exam if the actor may read it (institute and batch scope), for the results module. */
    async loadReadableExam(actor: Actor, id: string) {
      return (await loadExam(actor, id, 'exams:read')).exam;
    },

    listTemplates(actor: Actor) {
      authorizeInInstitute(actor, 'exams:read');
      return BUILT_IN_TEMPLATES;
    },

    async createExam(
      actor: Actor,
      input: { title: string; templateId?: string | undefined; templateVersion?: number | undefined },
    ) {
      const scoped = authorizeInInstitute(actor, 'exams:manage');
      const template = input.templateId
        ? findExamTemplate(input.templateId, input.templateVersion ?? null)
        : undefined;
      if (input.templateId && !template) {
        throw new AppError('VALIDATION_FAILED', 'Unknown exam template.', {
          fields: [{ path: 'templateId', message: 'Unknown template.' }],
        });
      }
      const exam = await repo.insertExam(db, {
        instituteId: scoped.instituteId,
        kind: 'scheduled',
        title: input.title.trim(),
        templateId: template?.id ?? null,
        templateVersion: template?.version ?? null,
        draft: template ? createDraftFromTemplate(template) : createScratchDraft(),
        settings: createDefaultSettings('scheduled'),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      return presentDetail(exam);
    },

    async listExams(actor: Actor, status?: ExamStatus) {
      const scoped = authorizeInInstitute(actor, 'exams:read');
      const rows = await repo.listExams(
        database.readDb,
        scoped.instituteId,
        'scheduled',
        undefined,
        await findVisibility(actor),
      );
      const schedules = await repo.findSchedules(
        database.readDb,
        rows.map((r) => r.id),
      );
      const now = clock.now();
      const items = await Promise.all(
        rows.map(async (row) => {
          const schedule = schedules.get(row.id);
          try {
            return presentSummary(row, schedule, (await resolvePaper(row)).paper, log, now);
          } catch (err) {
            // One exam that cannot be read (a damaged row) must not take the whole list down.
            log.error({ err, examId: row.id }, 'exam could not be presented; listed degraded');
            return presentDegradedSummary(row, schedule, now);
          }
        }),
      );
      return status ? items.filter((i) => i.status === status) : items;
    },

    async getExam(actor: Actor, id: string) {
      return presentDetail((await loadExam(actor, id)).exam);
    },

    saveDraft(actor: Actor, id: string, input: { title: string } & ExamDraft) {
      return updateDraftOnly(actor, id, async (exam, tx) => {
        const ids = input.sections.flatMap((s) => s.items.map((i) => i.questionId));
        if (new Set(ids).size !== ids.length)
          throw new AppError('VALIDATION_FAILED', 'A question appears twice in the paper.', {
            fields: [{ path: 'sections', message: 'Each question can be used once.' }],
          });
        const found = await bank.loadCurrentQuestions(tx, exam.instituteId, ids);
        const unknown = ids.filter((qid) => !found.has(qid));
        if (unknown.length > 0)
          throw new AppError('VALIDATION_FAILED', 'Some questions are not in the bank.', {
            fields: [{ path: 'sections', message: `Unknown or archived: ${unknown.join(', ')}` }],
          });
        const { title, ...draft } = input;
        return { title: title.trim(), draft };
      });
    },

    saveSettings(actor: Actor, id: string, settings: ExamSettings) {
      return updateDraftOnly(actor, id, () => Promise.resolve({ settings }));
    },

    /**
     * Fills sections from the bank by rules, in the draft's transaction. Identical rules share one
     * query, and the work stops between rules once `signal` aborts (the client left): the
     * transaction rolls back and nothing is written.
     */
    async autofill(actor: Actor, id: string, input: AutofillInput, signal?: AbortSignal) {
      let shortfalls: AutofillShortfall[] = [];
      const exam = await updateDraftOnly(actor, id, async (locked, tx) => {
        const filled = await autofillDraft(
          { bank, syllabus: deps.syllabus, clock },
          tx,
          locked,
          input,
          signal,
        );
        shortfalls = filled.shortfalls;
        return { draft: filled.draft };
      });
      return { exam, shortfalls };
    },

    async findSimilar(actor: Actor, id: string, questionId: string) {
      const { exam } = await loadExam(actor, id);
      const [target] = await bank
        .loadCurrentQuestions(db, exam.instituteId, [questionId])
        .then((m) => [...m.values()]);
      if (!target) throw notFound('Question not found.');
      const inPaper = exam.draft.sections.flatMap((s) => s.items.map((i) => i.questionId));
      const candidates = await bank.findCandidateQuestions(db, exam.instituteId, {
        topicIds: [target.summary.topic.id],
        difficulty: target.summary.difficulty,
        types: [target.summary.type],
        excludeIds: [...inPaper, questionId],
      });
      const loaded = await bank.loadCurrentQuestions(
        db,
        exam.instituteId,
        candidates.slice(0, 20).map((c) => c.id),
      );
      return [...loaded.values()].map((q) => ({ id: q.question.id, ...q.summary }));
    },

    async preview(actor: Actor, id: string, seed: string) {
      const { exam } = await loadExam(actor, id);
      const { paper } = await resolvePaper(exam);
      return { paper: arrangeForCandidate(toCandidatePaper(paper), buildAttemptPaper(paper, seed)) };
    },

    async publish(actor: Actor, id: string) {
      const { scoped } = await loadExam(actor, id, 'exams:manage');
      const published = await db.transaction(async (tx) => {
        const exam = requireInScope(scoped, 'Exam', await repo.lockExam(tx, id));
        if (exam.publishedSnapshotId) throw new AppError('EXAM_NOT_DRAFT');
        const draft = exam.draft;
        const loaded = await bank.loadCurrentQuestions(
          tx,
          exam.instituteId,
          draft.sections.flatMap((s) => s.items.map((i) => i.questionId)),
        );
        const questions = new Map([...loaded].map(([qid, q]) => [qid, q.question]));
        const paper = buildPaper(exam, draft, questions);
        const issues = checkDraft(
          paper,
          draft,
          questions,
          findExamTemplate(exam.templateId, exam.templateVersion),
        );
        if (questions.size === 0)
          issues.push({ code: 'PAPER_EMPTY', path: 'sections', message: 'Add questions before publishing.' });
        if (issues.length > 0)
          throw new AppError('EXAM_DOES_NOT_FIT', undefined, {
            fields: issues.map((i) => ({ path: i.path, message: i.message })),
          });
        const snapshotId = await freezeSnapshot(tx, {
          examId: exam.id,
          instituteId: exam.instituteId,
          paper,
          loaded,
          settings: exam.settings,
          createdBy: actor.userId,
        });
        const publishedAt = nowDate(clock);
        await bank.recordUsages(
          tx,
          exam.instituteId,
          exam.id,
          [...loaded.values()].map((q) => ({ questionId: q.question.id, versionId: q.versionId })),
          publishedAt,
        );
        return repo.updateExam(tx, id, {
          publishedSnapshotId: snapshotId,
          publishedAt,
          updatedBy: actor.userId,
        });
      });
      deps.events.emit('exam.publicationChanged', { examId: id, instituteId: published.instituteId });
      return presentDetail(published);
    },

    async unpublish(actor: Actor, id: string) {
      const { scoped } = await loadExam(actor, id, 'exams:manage');
      const updated = await db.transaction(async (tx) => {
        const exam = requireInScope(scoped, 'Exam', await repo.lockExam(tx, id));
        if (!exam.publishedSnapshotId) throw new AppError('EXAM_NOT_DRAFT', 'The exam is not published.');
        const schedule = (await repo.findSchedules(tx, [id])).get(id);
        if (schedule && schedule.startsAt.getTime() <= clock.now())
          throw new AppError('EXAM_ALREADY_STARTED');
        if (await deps.attempts.hasStartedAttempts(tx, id)) throw new AppError('EXAM_ALREADY_STARTED');
        await bank.clearUsages(tx, id);
        return repo.updateExam(tx, id, {
          publishedSnapshotId: null,
          publishedAt: null,
          updatedBy: actor.userId,
        });
      });
      deps.events.emit('exam.publicationChanged', { examId: id, instituteId: updated.instituteId });
      return presentDetail(updated);
    },
  };
}
