import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeMastery,
  evidenceWeight,
  recommendTopics,
  type EvidenceOutcome,
  type MasteryEvidence,
} from '../src/index.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

const topics = [
  { s: 'phy', c: 'kin', t: 'proj' },
  { s: 'phy', c: 'kin', t: 'rel' },
  { s: 'phy', c: 'ele', t: 'ohm' },
  { s: 'che', c: 'mol', t: 'stoi' },
] as const;

function item(
  overrides: Partial<MasteryEvidence> & { outcome: EvidenceOutcome },
  at = 0,
  place = 0,
): MasteryEvidence {
  const p = topics[place]!;
  return {
    questionId: `q${at}-${place}-${overrides.outcome.kind}`,
    subject: { id: p.s, name: p.s.toUpperCase() },
    chapter: { id: p.c, name: p.c.toUpperCase() },
    topic: { id: p.t, name: p.t.toUpperCase() },
    difficulty: 'medium',
    answeredAt: NOW - at * DAY,
    examId: 'e1',
    source: 'practice',
    ...overrides,
  };
}

const arbOutcome: fc.Arbitrary<EvidenceOutcome> = fc.oneof(
  fc.constant({ kind: 'correct' } as const),
  fc.constant({ kind: 'wrong' } as const),
  fc.constant({ kind: 'unanswered' } as const),
  fc.double({ min: 0, max: 1, noNaN: true }).map((fraction) => ({ kind: 'partial', fraction }) as const),
);
const arbItem: fc.Arbitrary<MasteryEvidence> = fc
  .record({
    outcome: arbOutcome,
    difficulty: fc.constantFrom<('easy' | 'medium' | 'hard')[]>('easy', 'medium', 'hard'),
    age: fc.double({ min: -2, max: 400, noNaN: true }),
    place: fc.integer({ min: 0, max: topics.length - 1 }),
    id: fc.integer({ min: 0, max: 50 }),
  })
  .map(({ outcome, difficulty, age, place, id }) => ({
    ...item({ outcome, difficulty }, age, place),
    questionId: `q${id}`,
  }));
const arbEvidence = fc.array(arbItem, { minLength: 1, maxLength: 40 });

const topicOf = (tree: ReturnType<typeof computeMastery>, id: string) =>
  tree.flatMap((s) => s.chapters.flatMap((c) => c.topics)).find((t) => t.id === id);

describe('mastery', () => {
  it('builds subject → chapter → topic with evidence newest first', () => {
    const tree = computeMastery(
      [
        item({ outcome: { kind: 'correct' } }, 3, 0),
        item({ outcome: { kind: 'wrong' } }, 1, 0),
        item({ outcome: { kind: 'correct' } }, 2, 2),
        item({ outcome: { kind: 'wrong' } }, 2, 3),
      ],
      NOW,
    );
    expect(tree.map((s) => s.id)).toEqual(['che', 'phy']);
    const phy = tree[1]!;
    expect(phy.evidenceCount).toBe(3);
    expect(phy.chapters.map((c) => c.id)).toEqual(['ele', 'kin']);
    const proj = topicOf(tree, 'proj')!;
    expect(proj.evidence.map((e) => e.answeredAt)).toEqual([NOW - DAY, NOW - 3 * DAY]);
    expect(topicOf(tree, 'ohm')!.mastery).toBe(1);
    expect(topicOf(tree, 'stoi')!.mastery).toBe(0);
    // One right 3 days ago, one wrong 1 day ago: the newer wrong weighs more.
    expect(proj.mastery).toBeLessThan(0.5);
  });

  it('weights harder questions more when right and less when wrong', () => {
    const w = (difficulty: 'easy' | 'hard', outcome: EvidenceOutcome) =>
      evidenceWeight(item({ outcome, difficulty }), NOW);
    expect(w('hard', { kind: 'correct' })).toBeGreaterThan(w('easy', { kind: 'correct' }));
    expect(w('hard', { kind: 'wrong' })).toBeLessThan(w('easy', { kind: 'wrong' }));
    // An easy right (0.75) and a hard wrong (0.75) balance out.
    const mixed = computeMastery(
      [
        item({ outcome: { kind: 'correct' }, difficulty: 'easy' }, 0, 0),
        item({ outcome: { kind: 'wrong' }, difficulty: 'hard' }, 0, 0),
      ],
      NOW,
    );
    expect(mixed[0]!.mastery).toBe(0.5);
  });

  it('halves an answer every half-life, and counts seen-but-unanswered as weak evidence', () => {
    const fresh = evidenceWeight(item({ outcome: { kind: 'wrong' } }, 0), NOW);
    expect(evidenceWeight(item({ outcome: { kind: 'wrong' } }, 30), NOW)).toBeCloseTo(fresh / 2);
    expect(evidenceWeight(item({ outcome: { kind: 'wrong' } }, 10), NOW, { halfLifeDays: 10 })).toBeCloseTo(
      fresh / 2,
    );
    expect(evidenceWeight(item({ outcome: { kind: 'unanswered' } }, 0), NOW)).toBeCloseTo(fresh / 4);
    const tree = computeMastery(
      [item({ outcome: { kind: 'correct' } }), item({ outcome: { kind: 'unanswered' } })],
      NOW,
    );
    expect(tree[0]!.mastery).toBeCloseTo(0.8);
  });

  it('property: mastery is within 0..1 and confidence grows with evidence', () => {
    fc.assert(
      fc.property(arbEvidence, (evidence) => {
        const tree = computeMastery(evidence, NOW);
        const nodes = tree.flatMap((s) => [s, ...s.chapters, ...s.chapters.flatMap((c) => c.topics)]);
        for (const node of nodes) {
          expect(node.mastery).not.toBeNull();
          expect(node.mastery!).toBeGreaterThanOrEqual(0);
          expect(node.mastery!).toBeLessThanOrEqual(1);
          expect(node.confidence).toBeGreaterThan(0);
          expect(node.confidence).toBeLessThan(1);
        }
        expect(tree.reduce((n, s) => n + s.evidenceCount, 0)).toBe(evidence.length);
      }),
    );
  });

  it('property: the order of the evidence does not matter', () => {
    fc.assert(
      fc.property(
        arbEvidence.chain((e) => fc.tuple(fc.constant(e), fc.shuffledSubarray(e, { minLength: e.length }))),
        ([evidence, shuffled]) => {
          expect(computeMastery(shuffled, NOW)).toEqual(computeMastery(evidence, NOW));
        },
      ),
    );
  });

  it('property: a parent lies between its lowest and highest child', () => {
    fc.assert(
      fc.property(arbEvidence, (evidence) => {
        for (const subject of computeMastery(evidence, NOW)) {
          const within = (value: number, children: { mastery: number | null }[]) => {
            const ms = children.map((c) => c.mastery!);
            expect(value).toBeGreaterThanOrEqual(Math.min(...ms) - 1e-9);
            expect(value).toBeLessThanOrEqual(Math.max(...ms) + 1e-9);
          };
          within(subject.mastery!, [...subject.chapters]);
          for (const chapter of subject.chapters) within(chapter.mastery!, [...chapter.topics]);
        }
      }),
    );
  });

  it('property: one more correct answer never lowers a topic, one more wrong never raises it', () => {
    fc.assert(
      fc.property(arbEvidence, arbItem, (evidence, extra) => {
        const before = topicOf(computeMastery(evidence, NOW), extra.topic.id)?.mastery;
        const withRight = topicOf(
          computeMastery([...evidence, { ...extra, outcome: { kind: 'correct' } }], NOW),
          extra.topic.id,
        )!;
        const withWrong = topicOf(
          computeMastery([...evidence, { ...extra, outcome: { kind: 'wrong' } }], NOW),
          extra.topic.id,
        )!;
        if (before === undefined || before === null) return;
        expect(withRight.mastery!).toBeGreaterThanOrEqual(before - 1e-12);
        expect(withWrong.mastery!).toBeLessThanOrEqual(before + 1e-12);
      }),
    );
  });
});

describe('recommendations', () => {
  const weak = [0, 1, 2].map((at) => item({ outcome: { kind: 'wrong' } }, at, 0));
  const strong = [0, 1, 2].map((at) => item({ outcome: { kind: 'correct' } }, at, 2));

  it('recommends a weak topic with enough evidence, never a strong one', () => {
    const recs = recommendTopics(computeMastery([...weak, ...strong], NOW), NOW);
    expect(recs.map((r) => r.topic.id)).toEqual(['proj']);
    expect(recs[0]!.reasons).toEqual(['LOW_MASTERY', 'RECENT_MISTAKES']);
    expect(recs[0]!.chapter).toEqual({ id: 'kin', name: 'KIN' });
  });

  it('names little evidence, staleness and the exam weight', () => {
    const one = item({ outcome: { kind: 'wrong' } }, 40, 3);
    const recs = recommendTopics(computeMastery([...weak, one], NOW), NOW, { chapterShares: { mol: 0.3 } });
    const stoi = recs.find((r) => r.topic.id === 'stoi')!;
    expect(stoi.reasons).toEqual(['LITTLE_EVIDENCE', 'NOT_PRACTISED_RECENTLY', 'HIGH_EXAM_WEIGHT']);
  });

  it('puts the weaker, surer and heavier topic first, and respects the limit', () => {
    const halfWrong = [
      item({ outcome: { kind: 'wrong' } }, 0, 3),
      item({ outcome: { kind: 'correct' } }, 1, 3),
      item({ outcome: { kind: 'wrong' } }, 2, 3),
    ];
    const tree = computeMastery([...weak, ...halfWrong], NOW);
    expect(recommendTopics(tree, NOW).map((r) => r.topic.id)).toEqual(['proj', 'stoi']);
    expect(recommendTopics(tree, NOW, { limit: 1 })).toHaveLength(1);
    expect(recommendTopics([], NOW)).toEqual([]);
  });

  it('property: every recommendation has a need, sorted by priority, within the limit', () => {
    fc.assert(
      fc.property(arbEvidence, fc.integer({ min: 0, max: 6 }), (evidence, limit) => {
        const recs = recommendTopics(computeMastery(evidence, NOW), NOW, { limit });
        expect(recs.length).toBeLessThanOrEqual(limit);
        for (const r of recs) {
          expect(
            r.reasons.some((x) => ['LOW_MASTERY', 'LITTLE_EVIDENCE', 'NOT_PRACTISED_RECENTLY'].includes(x)),
          ).toBe(true);
          expect(r.mastery).toBeLessThan(0.85);
        }
        for (let i = 1; i < recs.length; i++)
          expect(recs[i - 1]!.priority).toBeGreaterThanOrEqual(recs[i]!.priority);
      }),
    );
  });
});
