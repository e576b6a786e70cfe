import type { Recommendation, SubjectMastery, MasteryStats } from '@examtech/core';
import type { ProgressEvidence } from './progress-evidence.js';

/** Four decimals are plenty for a bar and keep the JSON small. */
const round = (x: number) => Math.round(x * 10_000) / 10_000;

function stats(node: MasteryStats) {
  return {
    mastery: node.mastery === null ? null : round(node.mastery),
    confidence: round(node.confidence),
    evidenceCount: node.evidenceCount,
    lastAnsweredAt: new Date(node.lastAnsweredAt).toISOString(),
  };
}

/** What the page shows of one answer: which question of which exam, how it went, when. No content, key or solution. */
function presentEvidence(item: ProgressEvidence) {
  return {
    questionId: item.questionId,
    examId: item.examId,
    examTitle: item.examTitle,
    source: item.source,
    position: item.position,
    difficulty: item.difficulty,
    outcome: item.outcome.kind,
    ...(item.outcome.kind === 'partial' ? { fraction: round(item.outcome.fraction) } : {}),
    answeredAt: new Date(item.answeredAt).toISOString(),
  };
}

export function presentWeakAreas(tree: readonly SubjectMastery[], now: number, halfLifeDays: number) {
  return {
    generatedAt: new Date(now).toISOString(),
    halfLifeDays,
    subjects: tree.map((subject) => ({
      id: subject.id,
      name: subject.name,
      ...stats(subject),
      chapters: subject.chapters.map((chapter) => ({
        id: chapter.id,
        name: chapter.name,
        ...stats(chapter),
        topics: chapter.topics.map((topic) => ({
          id: topic.id,
          name: topic.name,
          ...stats(topic),
          evidence: topic.evidence.map((e) => presentEvidence(e as ProgressEvidence)),
        })),
      })),
    })),
  };
}

export function presentRecommendations(items: readonly Recommendation[], now: number) {
  return {
    generatedAt: new Date(now).toISOString(),
    items: items.map((r) => ({
      subject: r.subject,
      chapter: r.chapter,
      topic: r.topic,
      mastery: round(r.mastery),
      confidence: round(r.confidence),
      evidenceCount: r.evidenceCount,
      lastAnsweredAt: new Date(r.lastAnsweredAt).toISOString(),
      reasons: r.reasons,
      priority: round(r.priority),
    })),
  };
}
