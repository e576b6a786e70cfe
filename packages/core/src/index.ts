/**
 * @examtech/core: the pure assessment domain (no I/O), shared by server, web and load tester.
 * See README.md for every rule with examples.
 */
export { CoreError, type ValidationIssue } from './errors.js';

export {
  createRational,
  toRational,
  addRationals,
  sumRationals,
  compareRationals,
  isRationalEqual,
  toNumber,
  formatMarks,
  ZERO,
  type Rational,
  type MarkValue,
} from './math/rational.js';
export {
  parseDecimal,
  quantizeDecimal,
  compareDecimals,
  type Decimal,
  type RoundingMode,
} from './math/decimal.js';

export {
  LANGUAGES,
  LANGUAGE_LABELS,
  isLanguage,
  languageLabel,
  pickLanguageText,
  type Language,
  type LanguageLabelStyle,
} from './languages.js';

export * from './questions/types.js';
export { validateQuestion, isQuestionValid } from './questions/validate.js';
export { validateKey } from './questions/validate-key.js';
export { normaliseTitaText, listImageRefs } from './questions/text.js';
export {
  toCandidateQuestion,
  listCandidateImageIds,
  type CandidateQuestion,
  type CandidateContent,
} from './questions/candidate-view.js';

export {
  isAnswerEmpty,
  type Answer,
  type McqSingleAnswer,
  type McqMultiAnswer,
  type NumericalAnswer,
  type MatrixMatchAnswer,
  type AssertionReasonAnswer,
  type TitaAnswer,
} from './answers/types.js';
export {
  validateAnswer,
  isAnswerValid,
  MAX_TEXT_ANSWER_LENGTH,
  type AnswerValidationOptions,
} from './answers/validate.js';
export { PALETTE_STATES, isEvaluated, derivePaletteState, type PaletteState } from './answers/palette.js';
export { normalizeAnswer } from './answers/normalize.js';

export {
  findPaperItem,
  getItemSubject,
  getEffectiveKeys,
  pickSectionHeader,
  type Paper,
  type PaperSection,
  type SectionHeader,
  type PaperItem,
  type ItemRevision,
  type DropAward,
  type LocatedItem,
} from './paper.js';
export { toCandidatePaper, type CandidatePaper, type CandidateSection } from './candidate-paper.js';

export {
  resolveMarking,
  computeMaxMarks,
  createOneThirdPenalty,
  validateMarkingScheme,
  findMarkValueProblem,
  MAX_MARK_MAGNITUDE,
  type MarkingScheme,
  type MarkOverride,
  type MultiCorrectRule,
  type MatrixRule,
  type ResolvedMarking,
} from './marking/schemes.js';
export { scoreAnswer, type Outcome, type ScoreReason, type QuestionMark } from './marking/score-question.js';
export {
  scoreAttempt,
  computeMaxMarksBySection,
  computePercentOfMax,
  type AttemptResponses,
  type QuestionResponse,
  type AttemptScore,
  type ScoreSummary,
  type QuestionScore,
} from './marking/score-attempt.js';
export {
  applyRevision,
  applyRevisions,
  createAcceptAllOptionsRevision,
  type KeyRevision,
} from './marking/revisions.js';

export type { ExamTemplate, TemplateSection, ExamFamily } from './templates/types.js';
export { JEE_MAIN_2025, JEE_MAIN_SCHEME, JEE_MAIN_SUBJECTS } from './templates/jee-main.js';
export {
  buildJeeAdvancedTemplate,
  JEE_ADVANCED_DEFAULT,
  JEE_ADVANCED_SCHEMES,
  JEE_ADVANCED_2024_PAPER_1_PARTS,
  type JeeAdvancedParams,
  type JeeAdvancedPart,
} from './templates/jee-advanced.js';
export { NEET_UG_2025, NEET_UG_2021 } from './templates/neet.js';
export { CAT_2024, CAT_2025, CAT_SCHEME } from './templates/cat.js';
export { UPSC_PRELIMS_GS1, UPSC_PRELIMS_CSAT, createUpscScheme } from './templates/upsc.js';
export {
  validateTemplate,
  checkPaperAgainstTemplate,
  createPaperFromTemplate,
  isQualified,
  hasIntegerAnswer,
  isSameSubject,
  type PaperDraft,
} from './templates/checker.js';
export { computeTemplateMaxMarks } from './templates/max-marks.js';
export { BUILT_IN_TEMPLATES, listTemplates, findTemplate } from './templates/registry.js';

export {
  createTimingPlan,
  computeCompensatoryMs,
  toCompensatoryMinutes,
  computeSchedule,
  adjustSchedule,
  getTimeStatus,
  decideSave,
  decideSaveForQuestion,
  canSaveAnswer,
  type TimingPlan,
  type TimeAdjustment,
  type Schedule,
  type SectionWindow,
  type TimeStatus,
  type ExamPhase,
  type SaveDecision,
} from './timing/schedule.js';
export {
  PROCTOR_EVENT_KINDS,
  PROCTOR_DECISIONS,
  DEFAULT_TRUST_WEIGHTS,
  MAX_TRUST_WEIGHT,
  FLAGGED_BELOW_SCORE,
  isProctorEventKind,
  enabledKinds,
  isProctored,
  needsConsent,
  countsAsViolation,
  countViolations,
  judgeViolations,
  completeWeights,
  computeTrustScore,
  computeTrustScoreFromTotals,
  isFlagged,
  type ProctorEventKind,
  type ProctorDecision,
  type ProctoringSettings,
  type TrustWeights,
  type TrustInput,
  type TrustBreakdown,
  type TrustScore,
  type KindTotal,
  type ViolationVerdict,
} from './proctoring/proctoring.js';
export {
  decideOfflineSave,
  type OfflineSaveContext,
  type OfflineSaveDecision,
} from './timing/offline-save.js';

export {
  checkManualRelease,
  findResultReleaseTime,
  isResultReleased,
  type ManualReleaseCheck,
  type ResultReleaseFacts,
  type ResultReleaseMode,
} from './results/release.js';
export {
  analyseTime,
  flagTime,
  groupOutcome,
  orderFirstVisits,
  SLOW_FACTOR,
  QUICK_FACTOR,
  type TimeAnalysis,
  type TimeFlag,
  type TimedQuestion,
  type OutcomeGroup,
  type VisitRecord,
} from './results/time-analysis.js';
export {
  analyseExam,
  summariseCounts,
  type ExamAnalysis,
  type QuestionAnalysis,
  type CountSummary,
  type DifficultyAccuracy,
  type AnswerFacts,
  type ClassQuestionStats,
} from './results/exam-analysis.js';
export {
  computeRankKeys,
  computeWrongRightRatio,
  compareRankEntries,
  rankCandidates,
  findTieBreakRule,
  formatRankKey,
  JEE_MAIN_TIE_BREAK,
  NEET_TIE_BREAK,
  DEFAULT_TIE_BREAK,
  TIE_BREAK_RULES,
  NO_RIGHT_ANSWER_RATIO,
  RANK_KEY_DECIMALS,
  type TieBreakRule,
  type TieBreakStep,
  type RankableScore,
  type RankEntry,
  type RankedCandidate,
} from './results/ranking.js';

export { createRandom, hashSeed, shuffleArray, type Random } from './shuffle/prng.js';
export {
  buildAttemptPaper,
  shuffleOptionIds,
  shuffleQuestionIds,
  canShuffleOptions,
  getDisplayedOptionIds,
  mapDisplayedOption,
  mapDisplayedQuestion,
  type AttemptPaper,
  type AttemptSectionOrder,
} from './shuffle/shuffle.js';

export {
  computeMean,
  computeMedian,
  computeVariance,
  computeStandardDeviation,
  computeSkewness,
  summariseDistribution,
  type DistributionSummary,
} from './analytics/stats.js';
export {
  computeNtaPercentile,
  computeNtaPercentiles,
  formatPercentile,
  rankWithTies,
  NTA_PERCENTILE_DECIMALS,
} from './analytics/percentile.js';
export {
  analyseItems,
  computeGroupSize,
  FACILITY_RANGE,
  MIN_DISCRIMINATION,
  EXTREME_GROUP_SHARE,
  type ItemAnalysis,
  type ItemAnalysisInput,
  type ItemStatistics,
  type ItemResponse,
  type ItemFlag,
  type CandidateItemResponses,
} from './analytics/item-analysis.js';
export { buildItemAnalysisInput, type ScoredAttempt } from './analytics/from-scores.js';

export {
  computeMastery,
  creditOf,
  evidenceWeight,
  DEFAULT_HALF_LIFE_DAYS,
  type ChapterMastery,
  type EvidenceOutcome,
  type MasteryEvidence,
  type MasteryOptions,
  type MasteryStats,
  type NodeRef,
  type SubjectMastery,
  type TopicMastery,
} from './results/mastery.js';
export {
  recommendTopics,
  RECOMMENDATION_DEFAULTS,
  RECOMMENDATION_REASONS,
  type Recommendation,
  type RecommendationOptions,
  type RecommendationReason,
} from './results/recommendations.js';
export {
  buildTrendSeries,
  measureOf,
  subjectMeasures,
  type TrendInput,
  type TrendMeasure,
  type TrendPoint,
  type TrendSeries,
} from './results/trends.js';
export {
  findPeriodLength,
  findPeriodStart,
  LEADERBOARD_NAME_MODES,
  LEADERBOARD_PERIODS,
  maskLeaderboardName,
  type LeaderboardNameMode,
  type LeaderboardPeriod,
} from './results/leaderboard.js';
export {
  checkProvisionalKeyPublication,
  isChallengeWindowOpen,
  checkChallenge,
  checkWithdrawal,
  checkDecision,
  countChallengesByQuestion,
  DEFAULT_CHALLENGE_WINDOW_MS,
  MIN_CHALLENGE_WINDOW_MS,
  MAX_CHALLENGE_WINDOW_MS,
  MAX_CHALLENGE_REASON_LENGTH,
  type ChallengeStatus,
  type ProvisionalKey,
  type PublicationCheck,
  type ChallengeCheck,
  type WithdrawalCheck,
  type DecisionCheck,
  type ChallengeSummary,
  type QuestionChallengeCounts,
} from './results/key-challenges.js';
