import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { CandidateRow, QuestionBankService } from '../questions/question-bank-service.js';
import type { SyllabusService } from '../syllabus/syllabus-service.js';
import { resolveBankFilter, type ExamBankFilter } from './bank-filter.js';
import { findExamTemplate, type DraftSection, type ExamDraft } from './exam-draft.js';
import { pickQuestions } from './question-picker.js';
import type { ExamRow } from './exam-repo.js';

type AutofillRule = {
  subjectId?: string | undefined;
  chapterId?: string | undefined;
  topicId?: string | undefined;
  difficulty?: 'easy' | 'medium' | 'hard' | undefined;
  count: number;
};

export type AutofillInput = {
  sections: { sectionId: string; rules: AutofillRule[] }[];
  excludeUsedInLastExams?: number | undefined;
  /** Count only exams given to these batches when excluding recently used questions. */
  excludeUsedForBatchIds?: string[] | undefined;
  replaceExisting?: boolean | undefined;
};

/**
 * Why a rule or a section got fewer questions than it asked for. `bank`: the bank holds fewer
 * matching questions than needed. `autofill`: it holds enough, but this auto-select had already
 * placed some of them (earlier rules, other sections). `paper`: some were already in the paper
 * before it ran. `groups`: enough were free, but passage groups, taken whole, did not fit the
 * count. For a section that ends below its question count: `short`, its rules fell short (they
 * are listed too); `rules`, its rules asked for fewer than it still needed.
 */
export type ShortfallReason = 'bank' | 'autofill' | 'paper' | 'groups' | 'short' | 'rules';

export type AutofillShortfall = {
  sectionId: string;
  kind: 'rule' | 'section';
  /** The rule's position in its section's request (rule shortfalls only). */
  ruleIndex?: number;
  /** The rule's syllabus scope in names ("Physics / Kinematics"), or the section's name. */
  scope: string;
  difficulty?: 'easy' | 'medium' | 'hard';
  needed: number;
  /** How many this rule placed; for a section, how many it holds now. */
  available: number;
  /** Matching questions of the bank (after the "recently used" exclusion); 0 for a section. */
  inBank: number;
  /** Of those, placed by this auto-select in the same section and in other sections. */
  placedInSection: number;
  placedInOtherSections: number;
  /** Of those, already in the paper before this auto-select ran (kept, not replaced). */
  inPaper: number;
  reason: ShortfallReason;
  /** The same in English, for API clients that show it as it is. */
  message: string;
};

export type AutofillDeps = {
  bank: Pick<QuestionBankService, 'findCandidateQuestions'>;
  syllabus: Pick<SyllabusService, 'findNodeNames'>;
  clock: Clock;
};

function describeRuleShortfall(s: Omit<AutofillShortfall, 'message'>): string {
  const what = s.difficulty ? `${s.difficulty} questions` : 'questions';
  const head = `${s.scope}: ${s.needed} ${what} needed, ${s.available} placed`;
  const placed = s.placedInSection + s.placedInOtherSections;
  const used = [
    ...(placed > 0
      ? [
          `${placed} already placed by this auto-select (${s.placedInSection} in this section, ${s.placedInOtherSections} in other sections)`,
        ]
      : []),
    ...(s.inPaper > 0 ? [`${s.inPaper} already in the paper`] : []),
  ].join(', ');
  if (s.reason === 'bank')
    return `${head}: the bank has only ${s.inBank} matching${used ? `, of which ${used}` : ''}`;
  if (s.reason === 'groups')
    return `${head}: passage groups are kept whole and the rest did not fit ${s.needed}`;
  return `${head}: the bank has ${s.inBank} matching, but ${used}`;
}

function findRuleReason(
  needed: number,
  inBank: number,
  placed: number,
  inPaper: number,
): Exclude<ShortfallReason, 'short' | 'rules'> {
  if (inBank < needed) return 'bank';
  if (inBank - placed - inPaper >= needed) return 'groups';
  return placed > 0 ? 'autofill' : 'paper';
}

/**
 * Fills the draft's sections from the bank by rules, in the caller's transaction; identical rules
 * share one query, and the work stops between rules once `signal` aborts. Shortfalls are counted
 * against what this auto-select placed itself, so "the bank is short" is said only when it is.
 */
export async function autofillDraft(
  deps: AutofillDeps,
  tx: Tx,
  locked: ExamRow,
  input: AutofillInput,
  signal?: AbortSignal,
): Promise<{ draft: ExamDraft; shortfalls: AutofillShortfall[] }> {
  const draft = structuredClone(locked.draft);
  const requested: { section: DraftSection; rules: AutofillRule[] }[] = input.sections.map((request) => {
    const section = draft.sections.find((s) => s.id === request.sectionId);
    if (!section)
      throw new AppError('VALIDATION_FAILED', `No section "${request.sectionId}".`, {
        fields: [{ path: 'sections', message: 'Unknown section.' }],
      });
    return { section, rules: request.rules };
  });
  // Replaced sections are emptied first; every other section keeps its questions, and they stay
  // out of reach so that no question lands twice in the paper.
  if (input.replaceExisting) for (const { section } of requested) section.items = [];
  const kept = new Set(draft.sections.flatMap((s) => s.items.map((i) => i.questionId)));
  /** Question id -> the section this auto-select placed it in. */
  const placedBy = new Map<string, string>();
  const taken = new Set(kept);
  const names = await deps.syllabus.findNodeNames(
    tx,
    locked.instituteId,
    input.sections.flatMap((s) =>
      s.rules.flatMap((r) => [r.subjectId, r.chapterId, r.topicId].filter((v): v is string => !!v)),
    ),
  );
  const template = findExamTemplate(locked.templateId, locked.templateVersion);
  const candidatesByFilter = new Map<string, CandidateRow[]>();
  const shortfalls: AutofillShortfall[] = [];
  for (const { section, rules } of requested) {
    // The pattern's own rule (JEE Main Section B: integer answers), so the filled paper passes the check.
    const isIntegerOnly = template?.sections.find((s) => s.id === section.id)?.integerAnswersOnly === true;
    for (const [ruleIndex, rule] of rules.entries()) {
      signal?.throwIfAborted();
      const filter: ExamBankFilter = {
        ...(rule.subjectId ? { subjectIds: [rule.subjectId] } : {}),
        ...(rule.chapterId ? { chapterIds: [rule.chapterId] } : {}),
        ...(rule.topicId ? { topicIds: [rule.topicId] } : {}),
        ...(rule.difficulty ? { difficulty: rule.difficulty } : {}),
        types: section.allowedTypes,
        ...(isIntegerOnly ? { integerAnswersOnly: true } : {}),
        ...(input.excludeUsedInLastExams ? { excludeUsedInLastExams: input.excludeUsedInLastExams } : {}),
        ...(input.excludeUsedForBatchIds?.length
          ? { excludeUsedForBatchIds: input.excludeUsedForBatchIds }
          : {}),
      };
      const key = JSON.stringify(filter);
      let candidates = candidatesByFilter.get(key);
      if (!candidates) {
        candidates = await deps.bank.findCandidateQuestions(
          tx,
          locked.instituteId,
          await resolveBankFilter(tx, locked.instituteId, filter, deps.clock.now()),
        );
        candidatesByFilter.set(key, candidates);
      }
      const picked = pickQuestions(candidates, rule.count, {
        seed: `${locked.id}:${section.id}:${ruleIndex}`,
        excludeIds: taken,
      });
      if (picked.length < rule.count) {
        // Counted before this rule's own picks are recorded: they are what it placed, not what it lacked.
        const placedInSection = candidates.filter((c) => placedBy.get(c.id) === section.id).length;
        const placed = candidates.filter((c) => placedBy.has(c.id)).length;
        const inPaper = candidates.filter((c) => kept.has(c.id)).length;
        const scope =
          [rule.subjectId, rule.chapterId, rule.topicId]
            .flatMap((nodeId) => (nodeId && names.get(nodeId) ? [names.get(nodeId)] : []))
            .join(' / ') || section.name;
        const found: Omit<AutofillShortfall, 'message'> = {
          sectionId: section.id,
          kind: 'rule',
          ruleIndex,
          scope,
          ...(rule.difficulty ? { difficulty: rule.difficulty } : {}),
          needed: rule.count,
          available: picked.length,
          inBank: candidates.length,
          placedInSection,
          placedInOtherSections: placed - placedInSection,
          inPaper,
          reason: findRuleReason(rule.count, candidates.length, placed, inPaper),
        };
        shortfalls.push({ ...found, message: describeRuleShortfall(found) });
      }
      for (const qid of picked) {
        taken.add(qid);
        placedBy.set(qid, section.id);
      }
      section.items.push(...picked.map((questionId) => ({ questionId })));
    }
    if (section.items.length < section.questionCount) {
      const asked = rules.reduce((sum, rule) => sum + rule.count, 0);
      const rulesFellShort = shortfalls.some((s) => s.sectionId === section.id && s.kind === 'rule');
      const held = `${section.name} holds ${section.items.length} of ${section.questionCount} questions`;
      shortfalls.push({
        sectionId: section.id,
        kind: 'section',
        scope: section.name,
        needed: section.questionCount,
        available: section.items.length,
        inBank: 0,
        placedInSection: 0,
        placedInOtherSections: 0,
        inPaper: 0,
        reason: rulesFellShort ? 'short' : 'rules',
        message: rulesFellShort
          ? `${held}: its rules fell short (above)`
          : `${held}: its rules asked for ${asked}`,
      });
    }
  }
  return { draft, shortfalls };
}
