/**
 * Benchmark, not a test: scores 10,000 random JEE Main attempts (75 questions each).
 * The baseline is a loop that only compares each answer with its key and adds +4/-1; the
 * ratio (engine time / baseline time) is what to compare across machines.
 */
import { performance } from 'node:perf_hooks';
import {
  createPaperFromTemplate,
  createRandom,
  JEE_MAIN_2025,
  scoreAttempt,
  type Answer,
  type AttemptResponses,
  type PaletteState,
  type Question,
} from '../src/index.js';

const ATTEMPTS = 10_000;
const OPTION_IDS = ['a', 'b', 'c', 'd'];
const random = createRandom('bench');

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function makeQuestion(id: string, type: 'mcq_single' | 'numerical'): Question {
  const common = {
    id,
    classification: { subject: 'Physics', chapter: 'c', topic: 't' },
    difficulty: 'medium' as const,
    tags: [],
  };
  if (type === 'numerical') {
    return {
      ...common,
      type,
      content: { en: { stem: id } },
      format: { integerOnly: true },
      key: { kind: 'exact', value: Math.floor(random() * 10) },
    };
  }
  return {
    ...common,
    type,
    content: { en: { stem: id, options: OPTION_IDS.map((optionId) => ({ id: optionId, text: optionId })) } },
    options: OPTION_IDS.map((optionId) => ({ id: optionId })),
    key: { optionId: pick(OPTION_IDS) },
  };
}

const questions = Object.fromEntries(
  JEE_MAIN_2025.sections.map((section) => [
    section.id,
    Array.from({ length: section.questionCount }, (_, index) =>
      makeQuestion(
        `${section.id}-${index}`,
        section.allowedTypes.includes('numerical') ? 'numerical' : 'mcq_single',
      ),
    ),
  ]),
);
const paper = createPaperFromTemplate(JEE_MAIN_2025, { id: 'bench', questions });
const allQuestions = paper.sections.flatMap((section) => section.items.map((item) => item.question));

function randomAnswer(question: Question): Answer | null {
  if (random() < 0.2) return null;
  return question.type === 'numerical'
    ? { type: 'numerical', value: String(Math.floor(random() * 10)) }
    : { type: 'mcq_single', optionIds: [pick(OPTION_IDS)] };
}

const STATES: readonly PaletteState[] = [
  'answered',
  'answered',
  'answered',
  'answered_marked_for_review',
  'marked_for_review',
];
const attempts: AttemptResponses[] = Array.from({ length: ATTEMPTS }, () =>
  Object.fromEntries(
    allQuestions.map((question) => [question.id, { answer: randomAnswer(question), state: pick(STATES) }]),
  ),
);

/** The least any scorer must do: look up each answer, compare with the key, add +4 or -1. */
function scoreTrivially(responses: AttemptResponses): number {
  let total = 0;
  for (const question of allQuestions) {
    const answer = responses[question.id]?.answer;
    if (answer === null || answer === undefined) continue;
    const given =
      answer.type === 'numerical'
        ? answer.value
        : answer.type === 'mcq_single'
          ? answer.optionIds[0]
          : undefined;
    const key =
      question.type === 'numerical' && question.key.kind === 'exact'
        ? String(question.key.value)
        : question.type === 'mcq_single'
          ? question.key.optionId
          : undefined;
    total += given === key ? 4 : -1;
  }
  return total;
}

function time(run: () => number): { ms: number; checksum: number } {
  const started = performance.now();
  const checksum = run();
  return { ms: performance.now() - started, checksum };
}

const runEngine = (): number =>
  attempts.reduce((sum, responses) => sum + scoreAttempt(paper, responses).total.marks, 0);
const runBaseline = (): number => attempts.reduce((sum, responses) => sum + scoreTrivially(responses), 0);

// Warm up both paths so the JIT has compiled them before timing.
runEngine();
runBaseline();
const engineRuns = [time(runEngine), time(runEngine), time(runEngine)];
const baselineRuns = [time(runBaseline), time(runBaseline), time(runBaseline)];
const engineMs = Math.min(...engineRuns.map((run) => run.ms));
const baselineMs = Math.min(...baselineRuns.map((run) => run.ms));

const result = {
  benchmark: 'score-attempts',
  paper: `${JEE_MAIN_2025.id} v${JEE_MAIN_2025.version}`,
  questionsPerAttempt: allQuestions.length,
  attempts: ATTEMPTS,
  engineMs: Number(engineMs.toFixed(1)),
  attemptsPerSecond: Math.round((ATTEMPTS / engineMs) * 1000),
  questionsPerSecond: Math.round(((ATTEMPTS * allQuestions.length) / engineMs) * 1000),
  baselineMs: Number(baselineMs.toFixed(2)),
  baselineAttemptsPerSecond: Math.round((ATTEMPTS / baselineMs) * 1000),
  engineToBaselineRatio: Number((engineMs / baselineMs).toFixed(1)),
  node: process.version,
  meanTotal: Number((engineRuns[0]!.checksum / ATTEMPTS).toFixed(2)),
};

console.log(JSON.stringify(result));
console.log(
  `scored ${ATTEMPTS} attempts x ${allQuestions.length} questions in ${result.engineMs} ms: ${result.attemptsPerSecond} attempts/s (${result.questionsPerSecond} questions/s)`,
);
console.log(
  `baseline (+4/-1 loop, no rules): ${result.baselineMs} ms, ${result.baselineAttemptsPerSecond} attempts/s; engine is ${result.engineToBaselineRatio}x the baseline time`,
);
