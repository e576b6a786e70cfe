import { formatMarks, scoreAttempt, type AttemptResponses, type Paper } from '@examtech/core';
import type { Db, Tx } from '../../platform/db/database.js';
import type { SnapshotCache } from '../exams/snapshots.js';
import * as repo from './attempt-repo.js';
import * as rescoreRepo from './rescore-repo.js';

const RESCORE_CHUNK = 500;

/**
 * Scoring stored answers with the core: one attempt (submit, a late journal save), a locked chunk
 * of them (the deadline sweep's batch, rescoring after a key revision), every submitted attempt of
 * an exam. The callers hold the attempts' locks; the service decides when.
 */
export function createAttemptScoring(deps: { db: Db; papers: SnapshotCache }) {
  const { db } = deps;

  function scoreAnswers(paper: Paper, answers: readonly repo.AnswerRow[]) {
    const responses: AttemptResponses = Object.fromEntries(
      answers.map((a) => [a.questionId, { answer: a.answer, state: a.state }]),
    );
    const score = scoreAttempt(paper, responses);
    return { score, totalMarks: formatMarks(score.total.exact, 2, 'round') };
  }

  async function scoreStoredAnswers(tx: Tx, attempt: repo.AttemptRow) {
    const { paper } = await deps.papers.get(attempt.snapshotId);
    return scoreAnswers(paper, await repo.listAnswers(tx, attempt.id));
  }

  /**
   * The papers of these snapshots, read before a transaction: embedded PGlite has one connection,
   * so a paper not cached (after a restart, or evicted) and read inside one would wait for it forever.
   */
  async function loadPapers(snapshotIds: readonly string[]): Promise<Map<string, Paper>> {
    const papers = new Map<string, Paper>();
    for (const snapshotId of snapshotIds) papers.set(snapshotId, (await deps.papers.get(snapshotId)).paper);
    return papers;
  }

  /** Each attempt of a locked chunk scored with its paper from `papers`, the answers in one read. */
  async function scoreChunk(tx: Tx, chunk: readonly repo.AttemptRow[], papers: ReadonlyMap<string, Paper>) {
    const answersOf = Map.groupBy(
      await rescoreRepo.listAnswersOf(
        tx,
        chunk.map((a) => a.id),
      ),
      (a) => a.attemptId,
    );
    const scored = [];
    for (const attempt of chunk) {
      // The callers read every paper the chunk can need beforehand; the cache is only a fallback.
      const paper = papers.get(attempt.snapshotId) ?? (await deps.papers.get(attempt.snapshotId)).paper;
      scored.push({ attempt, ...scoreAnswers(paper, answersOf.get(attempt.id) ?? []) });
    }
    return scored;
  }

  /**
   * Scores every submitted attempt of the exam again with its effective paper (after a key
   * revision), in chunks of `RESCORE_CHUNK` attempts, each its own transaction holding the attempts'
   * locks so a late save cannot interleave. Returns how many attempts were rescored.
   */
  async function rescoreExam(examId: string): Promise<number> {
    let afterId: string | null = null;
    let count = 0;
    const papers = await loadPapers(await rescoreRepo.listSubmittedSnapshotIds(db, examId));
    for (;;) {
      const done: number = await db.transaction(async (tx) => {
        const chunk = await repo.lockSubmittedAttempts(tx, examId, afterId, RESCORE_CHUNK);
        for (const { attempt, ...rescored } of await scoreChunk(tx, chunk, papers))
          await rescoreRepo.updateScore(tx, attempt.id, rescored);
        afterId = chunk.at(-1)?.id ?? afterId;
        return chunk.length;
      });
      count += done;
      if (done < RESCORE_CHUNK) return count;
    }
  }

  return { scoreStoredAnswers, loadPapers, scoreChunk, rescoreExam };
}
