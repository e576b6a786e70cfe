import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { SyllabusSelects } from '../syllabus/SyllabusSelects';
import { useQuestionTags } from './api';
import type { QuestionFilter } from './filters';
import { difficultyOptions, languageLabels, typeOptions } from './labels';

const coverageOptions = ['hi', 'en'].flatMap((language) => [
  { value: `has:${language}`, label: `Has ${languageLabels[language]}` },
  { value: `missing:${language}`, label: `Missing ${languageLabels[language]}` },
]);

function readCoverage(filter: QuestionFilter): string | null {
  if (filter.missingLanguage) return `missing:${filter.missingLanguage}`;
  if (filter.language) return `has:${filter.language}`;
  return null;
}

function writeCoverage(value: string | null): Pick<QuestionFilter, 'language' | 'missingLanguage'> {
  const [kind, language] = value?.split(':') ?? [];
  return {
    language: kind === 'has' ? language : undefined,
    missingLanguage: kind === 'missing' ? language : undefined,
  };
}

function countSecondary(filter: QuestionFilter): number {
  const keys = [
    'subjectId',
    'type',
    'difficulty',
    'tags',
    'language',
    'missingLanguage',
    'notUsedInLastExams',
    'status',
  ] as const;
  return keys.filter((key) => filter[key] !== undefined).length;
}

interface QuestionFiltersProps {
  filter: QuestionFilter;
  onChange: (changes: Partial<QuestionFilter>) => void;
}

export function QuestionFilters({ filter, onChange }: QuestionFiltersProps) {
  const isWide = useMediaQuery('(min-width: 62em)', true);
  const [isOpen, setOpen] = useState<boolean | null>(null);
  const [search, setSearch] = useState(filter.q ?? '');
  const commitSearch = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 300);
  const tags = useQuestionTags();
  const tagOptions = (tags.data ?? []).map((item) => ({
    value: item.tag,
    label: `${item.tag} (${item.count})`,
  }));
  const selectedTags = filter.tags ? filter.tags.split(',') : [];
  const secondaryCount = countSecondary(filter);
  const showSecondary = isOpen ?? isWide;

  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label="Search questions"
            placeholder="Words in English or हिन्दी, a tag or a source"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              commitSearch(event.currentTarget.value);
            }}
            style={{ flex: 1 }}
          />
          <Button
            variant={showSecondary ? 'light' : 'default'}
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            onClick={() => setOpen(!showSecondary)}
            aria-expanded={showSecondary}
          >
            Filters{secondaryCount > 0 ? ` (${secondaryCount})` : ''}
          </Button>
        </Group>
        {showSecondary && (
          <Stack gap="sm">
            <SyllabusSelects
              value={{
                subjectId: filter.subjectId ?? null,
                chapterId: filter.chapterId ?? null,
                topicId: filter.topicId ?? null,
              }}
              onChange={(path) =>
                onChange({
                  subjectId: path.subjectId ?? undefined,
                  chapterId: path.chapterId ?? undefined,
                  topicId: path.topicId ?? undefined,
                })
              }
            />
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <Select
                label="Type"
                placeholder="Any type"
                data={typeOptions}
                value={filter.type ?? null}
                onChange={(value) => onChange({ type: (value as QuestionFilter['type']) ?? undefined })}
                clearable
              />
              <Select
                label="Difficulty"
                placeholder="Any difficulty"
                data={difficultyOptions}
                value={filter.difficulty ?? null}
                onChange={(value) =>
                  onChange({ difficulty: (value as QuestionFilter['difficulty']) ?? undefined })
                }
                clearable
              />
              <Select
                label="Languages"
                placeholder="Any languages"
                data={coverageOptions}
                value={readCoverage(filter)}
                onChange={(value) => onChange(writeCoverage(value))}
                clearable
              />
              <NumberInput
                label="Not used in the last N exams"
                placeholder="Any"
                min={1}
                max={1000}
                allowDecimal={false}
                value={filter.notUsedInLastExams ?? ''}
                onChange={(value) =>
                  onChange({ notUsedInLastExams: typeof value === 'number' && value > 0 ? value : undefined })
                }
              />
            </SimpleGrid>
            <Group gap="md" align="flex-end" wrap="wrap">
              <MultiSelect
                label="Tags"
                placeholder={selectedTags.length ? undefined : 'Any tags'}
                data={[...new Set([...tagOptions.map((option) => option.value), ...selectedTags])].map(
                  (value) => tagOptions.find((option) => option.value === value) ?? { value, label: value },
                )}
                value={selectedTags}
                onChange={(values) => onChange({ tags: values.length ? values.join(',') : undefined })}
                searchable
                clearable
                style={{ flex: 1, minWidth: 220 }}
              />
              <Switch
                label="Show archived questions"
                checked={filter.status === 'archived'}
                onChange={(event) =>
                  onChange({ status: event.currentTarget.checked ? 'archived' : undefined })
                }
                mb={8}
              />
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
