/**
 * When a candidate may see their result (integrity rule 1). One rule for the result page, the
 * images of a result and the question bank's reservations, so they never disagree.
 */

export type ResultReleaseMode = 'instant' | 'manual' | 'scheduled';

export interface ResultReleaseFacts {
  readonly kind: 'practice' | 'scheduled';
  /** The exam's setting; `at` (ISO or ms) is the release time of the `scheduled` mode. */
  readonly release: { readonly mode: ResultReleaseMode; readonly at?: string | number | undefined };
  /**
   * A scheduled exam's moment after which no candidate's answers can change: the last start of
   * the window plus the duration and the largest compensatory time, plus whatever the server still
   * accepts after a deadline (saves in flight, offline journals). null while it has no schedule.
   */
  readonly answersFinalAt: number | null;
  /** When a teacher released the results of a `manual` exam (ms); null or absent while not released. */
  readonly releasedAt?: number | null | undefined;
}

/**
 * When the results go out, in ms; null when no moment is known (manual release, no schedule).
 * A practice test is the student's own: its result is theirs once submitted. A scheduled exam's
 * results never go out while anyone may still answer, whatever the mode says: an `instant`
 * candidate who submits early would otherwise hand the key to those still sitting.
 */
export function findResultReleaseTime(facts: ResultReleaseFacts): number | null {
  if (facts.kind === 'practice') return 0;
  if (facts.answersFinalAt === null) return null;
  switch (facts.release.mode) {
    case 'manual':
      // Never before answers are final, even if a release was recorded early (checkManualRelease refuses it).
      return facts.releasedAt === null || facts.releasedAt === undefined
        ? null
        : Math.max(facts.releasedAt, facts.answersFinalAt);
    case 'instant':
      return facts.answersFinalAt;
    case 'scheduled': {
      const at = facts.release.at === undefined ? Number.NaN : new Date(facts.release.at).getTime();
      return Number.isFinite(at) ? Math.max(at, facts.answersFinalAt) : null;
    }
  }
}

export function isResultReleased(facts: ResultReleaseFacts, now: number): boolean {
  const at = findResultReleaseTime(facts);
  return at !== null && now >= at;
}

/**
 * Whether a teacher may release the results now, and if not why: only a published, scheduled
 * exam in `manual` mode, only once nobody can answer any more (`possibleAt` says when), once.
 */
export type ManualReleaseCheck =
  | { readonly canRelease: true }
  | { readonly canRelease: false; readonly reason: 'NOT_MANUAL' | 'NOT_SCHEDULED' | 'RELEASED' }
  | { readonly canRelease: false; readonly reason: 'NOT_FINAL'; readonly possibleAt: number };

export function checkManualRelease(facts: ResultReleaseFacts, now: number): ManualReleaseCheck {
  if (facts.kind === 'practice' || facts.release.mode !== 'manual')
    return { canRelease: false, reason: 'NOT_MANUAL' };
  if (facts.answersFinalAt === null) return { canRelease: false, reason: 'NOT_SCHEDULED' };
  if (facts.releasedAt !== null && facts.releasedAt !== undefined)
    return { canRelease: false, reason: 'RELEASED' };
  if (now < facts.answersFinalAt)
    return { canRelease: false, reason: 'NOT_FINAL', possibleAt: facts.answersFinalAt };
  return { canRelease: true };
}
