/**
 * Provisional answer keys and challenges, as NTA runs them: once nobody can answer any more, the
 * exam's teachers publish the key as it stands with a window for challenges; a candidate who sat
 * the exam challenges a question's key with a reason inside the window; a teacher accepts (which
 * revises the key: see revisions.ts) or rejects, for every challenge of that question at once.
 * The rules below are pure: the server gathers the facts and turns a refusal into its error code.
 */

/** The window a teacher gets when they do not choose one (NTA usually allows two days). */
export const DEFAULT_CHALLENGE_WINDOW_MS = 48 * 3_600_000;
/** Long enough to read the key and write a reason. */
export const MIN_CHALLENGE_WINDOW_MS = 15 * 60_000;
/** A challenge window left open for weeks holds the results back; a month is plenty. */
export const MAX_CHALLENGE_WINDOW_MS = 30 * 24 * 3_600_000;
/** A reason is a paragraph or two with a reference, not an essay. */
export const MAX_CHALLENGE_REASON_LENGTH = 2000;

export type ChallengeStatus = 'pending' | 'accepted' | 'rejected' | 'withdrawn';

/** An exam's provisional key, once published (null before). */
export interface ProvisionalKey {
  readonly publishedAt: number;
  readonly challengesCloseAt: number;
}

export type PublicationCheck =
  | { readonly canPublish: true }
  | { readonly canPublish: false; readonly reason: 'NOT_SCHEDULED' | 'PUBLISHED' | 'WINDOW_INVALID' }
  | { readonly canPublish: false; readonly reason: 'NOT_FINAL'; readonly possibleAt: number };

/**
 * Whether the key may be published now with challenges closing at `closesAt`. Never while anyone
 * may still answer (`answersFinalAt`, the release rule's moment): a candidate still "offline"
 * would answer with it. Once only, and the window must leave time to challenge and end within a month.
 */
export function checkProvisionalKeyPublication(input: {
  readonly answersFinalAt: number | null;
  readonly published: ProvisionalKey | null;
  readonly closesAt: number;
  readonly now: number;
}): PublicationCheck {
  if (input.answersFinalAt === null) return { canPublish: false, reason: 'NOT_SCHEDULED' };
  if (input.published !== null) return { canPublish: false, reason: 'PUBLISHED' };
  if (input.now < input.answersFinalAt)
    return { canPublish: false, reason: 'NOT_FINAL', possibleAt: input.answersFinalAt };
  const length = input.closesAt - input.now;
  if (!Number.isFinite(length) || length < MIN_CHALLENGE_WINDOW_MS || length > MAX_CHALLENGE_WINDOW_MS)
    return { canPublish: false, reason: 'WINDOW_INVALID' };
  return { canPublish: true };
}

/** Challenges are taken from publication until (not at) the close. */
export function isChallengeWindowOpen(key: ProvisionalKey | null, now: number): boolean {
  return key !== null && now >= key.publishedAt && now < key.challengesCloseAt;
}

export type ChallengeCheck =
  | { readonly canChallenge: true }
  | {
      readonly canChallenge: false;
      readonly reason: 'NOT_PUBLISHED' | 'WINDOW_CLOSED' | 'NOT_SAT' | 'ALREADY_CHALLENGED';
    };

/**
 * Whether a candidate may challenge a question's key now: the key is published, the window is
 * open, they submitted an attempt (someone who never sat has no answer at stake), and they have no
 * challenge of that question standing (pending or decided; a withdrawn one frees the place).
 */
export function checkChallenge(input: {
  readonly key: ProvisionalKey | null;
  readonly now: number;
  readonly hasSubmitted: boolean;
  readonly standing: readonly ChallengeStatus[];
}): ChallengeCheck {
  if (input.key === null) return { canChallenge: false, reason: 'NOT_PUBLISHED' };
  if (!isChallengeWindowOpen(input.key, input.now)) return { canChallenge: false, reason: 'WINDOW_CLOSED' };
  if (!input.hasSubmitted) return { canChallenge: false, reason: 'NOT_SAT' };
  if (input.standing.some((status) => status !== 'withdrawn'))
    return { canChallenge: false, reason: 'ALREADY_CHALLENGED' };
  return { canChallenge: true };
}

export type WithdrawalCheck =
  | { readonly canWithdraw: true }
  | { readonly canWithdraw: false; readonly reason: 'WINDOW_CLOSED' | 'NOT_PENDING' };

/** A candidate takes back their own challenge while it is pending and the window is open. */
export function checkWithdrawal(input: {
  readonly key: ProvisionalKey | null;
  readonly now: number;
  readonly status: ChallengeStatus;
}): WithdrawalCheck {
  if (input.status !== 'pending') return { canWithdraw: false, reason: 'NOT_PENDING' };
  if (!isChallengeWindowOpen(input.key, input.now)) return { canWithdraw: false, reason: 'WINDOW_CLOSED' };
  return { canWithdraw: true };
}

export type DecisionCheck =
  | { readonly canDecide: true }
  | { readonly canDecide: false; readonly reason: 'NOT_PUBLISHED' | 'NONE_PENDING' };

/**
 * A teacher decides a question's challenges at any time after publication (an obvious error need
 * not wait for the window to close); a decision needs at least one pending challenge and settles
 * all of them. A challenge made later on the same question waits for a decision of its own.
 */
export function checkDecision(input: {
  readonly key: ProvisionalKey | null;
  readonly pendingCount: number;
}): DecisionCheck {
  if (input.key === null) return { canDecide: false, reason: 'NOT_PUBLISHED' };
  if (input.pendingCount === 0) return { canDecide: false, reason: 'NONE_PENDING' };
  return { canDecide: true };
}

export interface ChallengeSummary {
  readonly questionId: string;
  readonly status: ChallengeStatus;
}

export interface QuestionChallengeCounts {
  readonly questionId: string;
  readonly pending: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Withdrawn challenges are left out: the candidate took them back. */
  readonly total: number;
}

/**
 * Challenges per question in the paper's order (`order`: question ids), withdrawn ones left out;
 * questions nobody challenged are omitted.
 */
export function countChallengesByQuestion(
  challenges: readonly ChallengeSummary[],
  order: readonly string[],
): QuestionChallengeCounts[] {
  const counts = new Map<string, { pending: number; accepted: number; rejected: number }>();
  for (const { questionId, status } of challenges) {
    if (status === 'withdrawn') continue;
    const entry = counts.get(questionId) ?? { pending: 0, accepted: 0, rejected: 0 };
    entry[status] += 1;
    counts.set(questionId, entry);
  }
  const position = new Map(order.map((id, index) => [id, index]));
  return [...counts.entries()]
    .sort(
      ([a], [b]) =>
        (position.get(a) ?? Number.MAX_SAFE_INTEGER) - (position.get(b) ?? Number.MAX_SAFE_INTEGER) ||
        a.localeCompare(b),
    )
    .map(([questionId, c]) => ({ questionId, ...c, total: c.pending + c.accepted + c.rejected }));
}
