import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type EvidenceOutcome = 'correct' | 'partial' | 'wrong' | 'unanswered';

export interface Evidence {
  questionId: string;
  examId: string;
  examTitle: string;
  source: 'mock' | 'practice';
  position: number;
  difficulty: 'easy' | 'medium' | 'hard';
  outcome: EvidenceOutcome;
  fraction?: number;
  answeredAt: string;
}

export interface MasteryNode {
  id: string;
  name: string;
  mastery: number | null;
  confidence: number;
  evidenceCount: number;
  lastAnsweredAt: string;
}
export interface TopicNode extends MasteryNode {
  evidence: Evidence[];
}
export interface ChapterNode extends MasteryNode {
  topics: TopicNode[];
}
export interface SubjectNode extends MasteryNode {
  chapters: ChapterNode[];
}
export interface WeakAreas {
  generatedAt: string;
  halfLifeDays: number;
  subjects: SubjectNode[];
}

export type ReasonCode =
  'LOW_MASTERY' | 'LITTLE_EVIDENCE' | 'NOT_PRACTISED_RECENTLY' | 'HIGH_EXAM_WEIGHT' | 'RECENT_MISTAKES';

export interface Recommendation {
  subject: { id: string; name: string };
  chapter: { id: string; name: string };
  topic: { id: string; name: string };
  mastery: number;
  confidence: number;
  evidenceCount: number;
  lastAnsweredAt: string;
  reasons: ReasonCode[];
  priority: number;
}

const progressKeys = {
  weakAreas: ['progress', 'weak-areas'] as const,
  recommendations: ['progress', 'recommendations'] as const,
};

export function useWeakAreas() {
  return useQuery({
    queryKey: progressKeys.weakAreas,
    queryFn: () => api<WeakAreas>('/api/me/progress/weak-areas'),
  });
}

export function useRecommendations() {
  return useQuery({
    queryKey: progressKeys.recommendations,
    queryFn: () => api<{ items: Recommendation[] }>('/api/me/progress/recommendations'),
    select: (data) => data.items,
  });
}

export interface TrendPoint {
  examId: string;
  title: string;
  source: 'mock' | 'practice';
  at: string;
  scorePct: number | null;
  accuracy: number | null;
  percentile: number | null;
}
export interface Trends {
  generatedAt: string;
  overall: TrendPoint[];
  subjects: { subject: string; points: Pick<TrendPoint, 'examId' | 'at' | 'scorePct' | 'accuracy'>[] }[];
}

export function useTrends() {
  return useQuery({
    queryKey: ['progress', 'trends'] as const,
    queryFn: () => api<Trends>('/api/me/progress/trends'),
  });
}
