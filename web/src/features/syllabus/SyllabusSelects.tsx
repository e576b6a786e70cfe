import { Select, SimpleGrid } from '@mantine/core';
import type { SyllabusSubject } from '../../lib/types';
import { useSyllabus } from './api';

export interface SyllabusPath {
  subjectId: string | null;
  chapterId: string | null;
  topicId: string | null;
}

export const emptySyllabusPath: SyllabusPath = { subjectId: null, chapterId: null, topicId: null };

/** Where a topic sits in the tree, for editing a question that names only its topic. */
export function findTopicPath(subjects: SyllabusSubject[], topicId: string | null): SyllabusPath {
  for (const subject of subjects) {
    for (const chapter of subject.chapters) {
      if (chapter.topics.some((topic) => topic.id === topicId)) {
        return { subjectId: subject.id, chapterId: chapter.id, topicId };
      }
    }
  }
  return emptySyllabusPath;
}

/** Names along a path, e.g. for the core's `classification`. Empty strings where nothing is picked. */
export function nameSyllabusPath(subjects: SyllabusSubject[], path: SyllabusPath) {
  const subject = subjects.find((item) => item.id === path.subjectId);
  const chapter = subject?.chapters.find((item) => item.id === path.chapterId);
  const topic = chapter?.topics.find((item) => item.id === path.topicId);
  return { subject: subject?.name ?? '', chapter: chapter?.name ?? '', topic: topic?.name ?? '' };
}

interface SyllabusSelectsProps {
  value: SyllabusPath;
  onChange: (path: SyllabusPath) => void;
  /** Filters may stop at a subject or chapter; a question needs all three. */
  required?: boolean;
  error?: string;
  cols?: number;
}

/** Subject → chapter → topic, each list narrowed by the one before it. */
export function SyllabusSelects({ value, onChange, required, error, cols = 3 }: SyllabusSelectsProps) {
  const syllabus = useSyllabus();
  const subjects = syllabus.data ?? [];
  const subject = subjects.find((item) => item.id === value.subjectId);
  const chapter = subject?.chapters.find((item) => item.id === value.chapterId);
  const toOptions = (items: { id: string; name: string }[]) =>
    items.map((item) => ({ value: item.id, label: item.name }));
  const placeholder = (label: string, isEnabled: boolean) =>
    isEnabled
      ? required
        ? `Choose a ${label}`
        : `Any ${label}`
      : `Choose a ${label === 'topic' ? 'chapter' : 'subject'} first`;

  return (
    <SimpleGrid cols={{ base: 1, sm: cols }} spacing="sm">
      <Select
        label="Subject"
        placeholder={placeholder('subject', true)}
        data={toOptions(subjects)}
        value={value.subjectId}
        onChange={(subjectId) => onChange({ subjectId, chapterId: null, topicId: null })}
        searchable
        clearable={!required}
        withAsterisk={required}
        disabled={syllabus.isPending}
        error={error && !value.subjectId ? error : undefined}
      />
      <Select
        label="Chapter"
        placeholder={placeholder('chapter', subject !== undefined)}
        data={toOptions(subject?.chapters ?? [])}
        value={value.chapterId}
        onChange={(chapterId) => onChange({ ...value, chapterId, topicId: null })}
        searchable
        clearable={!required}
        withAsterisk={required}
        disabled={!subject}
        error={error && value.subjectId && !value.chapterId ? error : undefined}
      />
      <Select
        label="Topic"
        placeholder={placeholder('topic', chapter !== undefined)}
        data={toOptions(chapter?.topics ?? [])}
        value={value.topicId}
        onChange={(topicId) => onChange({ ...value, topicId })}
        searchable
        clearable={!required}
        withAsterisk={required}
        disabled={!chapter}
        error={error && value.chapterId ? error : undefined}
      />
    </SimpleGrid>
  );
}
