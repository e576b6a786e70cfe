import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface ExamInfo {
  title: string;
  durationMinutes: number;
  startsAt: string | null;
  compensatoryMinutes: number;
}

interface MyExam {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  compensatoryMinutes: number;
}

/** Title and start of an exam, from the student's scheduled exams or practice tests. */
export function useExamInfo(examId: string) {
  return useQuery({
    queryKey: ['exam-room', 'info', examId],
    queryFn: async (): Promise<ExamInfo | null> => {
      const [mine, practice] = await Promise.all([
        api<{ upcoming: MyExam[]; past: MyExam[] }>('/api/my/exams'),
        api<{ items: { id: string; title: string; durationMinutes: number }[] }>('/api/practice-tests'),
      ]);
      const scheduled = [...mine.upcoming, ...mine.past].find((exam) => exam.id === examId);
      if (scheduled) return { title: scheduled.title, durationMinutes: scheduled.durationMinutes, startsAt: scheduled.startsAt, compensatoryMinutes: scheduled.compensatoryMinutes };
      const test = practice.items.find((item) => item.id === examId);
      return test ? { title: test.title, durationMinutes: test.durationMinutes, startsAt: null, compensatoryMinutes: 0 } : null;
    },
  });
}
