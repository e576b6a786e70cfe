import { isRationalEqual, scoreAttempt, type AttemptScore, type Paper } from '@examtech/core';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import type { CandidateLog } from './candidate.js';
import { sleep } from './stats.js';

export type Verification = {
  attempts: number;
  submittedByCandidate: number;
  submittedAtDeadline: number;
  notSubmitted: number;
  acknowledgedSaves: number;
  lostAcknowledgedAnswers: number;
  scoreMismatches: number;
};

/**
 * Waits until every attempt of the exam is submitted (the sweeper takes the rest at the deadline);
 * resolves with when the last one was, or null when some were still open at `timeoutMs`.
 */
export async function waitForSubmissions(
  databaseUrl: string,
  examId: string,
  timeoutMs: number,
): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ open: number; last: Date | null }>(
        `select count(*) filter (where status = 'in_progress')::int as open,
                max(submitted_at) as last
         from attempts where exam_id = $1`,
        [examId],
      );
      if ((rows[0]?.open ?? 0) === 0) return rows[0]?.last?.getTime() ?? null;
      await sleep(1000);
    }
    return null;
  } finally {
    await client.end();
  }
}

/**
 * Reads what the database holds and checks it against what candidates were told: every
 * acknowledged save is stored with its last value, and every score is the core's score of the
 * stored answers.
 */
export async function verifyRun(
  databaseUrl: string,
  examId: string,
  logs: CandidateLog[],
): Promise<Verification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const attempts = await client.query<{
      id: string;
      status: string;
      submit_reason: string | null;
      score: AttemptScore | null;
      paper: Paper;
    }>(
      `select a.id, a.status, a.submit_reason, a.score, s.paper from attempts a join exam_snapshots s on s.id = a.snapshot_id where a.exam_id = $1 and a.status <> 'prepared'`,
      [examId],
    );
    const answers = await client.query<{
      attempt_id: string;
      question_id: string;
      answer: unknown;
      state: string;
      seq: number;
    }>(
      `select aa.attempt_id, aa.question_id, aa.answer, aa.state, aa.seq from attempt_answers aa join attempts a on a.id = aa.attempt_id where a.exam_id = $1`,
      [examId],
    );
    const byAttempt = new Map<string, typeof answers.rows>();
    for (const row of answers.rows) {
      const list = byAttempt.get(row.attempt_id) ?? [];
      list.push(row);
      byAttempt.set(row.attempt_id, list);
    }
    let lost = 0;
    let acknowledged = 0;
    for (const log of logs) {
      if (!log.attemptId) continue;
      const stored = new Map((byAttempt.get(log.attemptId) ?? []).map((r) => [r.question_id, r]));
      for (const [questionId, ackedSeq] of log.ackedSeqByQuestion) {
        acknowledged += 1;
        const row = stored.get(questionId);
        const sent = row ? log.sent.get(row.seq) : undefined;
        const isIntact =
          row &&
          row.seq >= ackedSeq &&
          sent &&
          sent.questionId === questionId &&
          isDeepStrictEqual(sent.answer, row.answer) &&
          sent.state === row.state;
        if (!isIntact) lost += 1;
      }
    }
    let mismatches = 0;
    for (const attempt of attempts.rows) {
      if (attempt.status !== 'submitted' || !attempt.score) continue;
      const responses = Object.fromEntries(
        (byAttempt.get(attempt.id) ?? []).map((r) => [
          r.question_id,
          { answer: r.answer as never, state: r.state as never },
        ]),
      );
      const expected = scoreAttempt(attempt.paper, responses);
      if (!isRationalEqual(expected.total.exact, attempt.score.total.exact)) mismatches += 1;
    }
    return {
      attempts: attempts.rows.length,
      submittedByCandidate: attempts.rows.filter((a) => a.submit_reason === 'candidate').length,
      submittedAtDeadline: attempts.rows.filter((a) => a.submit_reason === 'deadline').length,
      notSubmitted: attempts.rows.filter((a) => a.status !== 'submitted').length,
      acknowledgedSaves: acknowledged,
      lostAcknowledgedAnswers: lost,
      scoreMismatches: mismatches,
    };
  } finally {
    await client.end();
  }
}
