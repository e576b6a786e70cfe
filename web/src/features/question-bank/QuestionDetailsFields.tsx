import { QUESTION_TYPES, type QuestionType } from '@examtech/core';
import {
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { SyllabusSelects } from '../syllabus/SyllabusSelects';
import { useQuestionTags } from './api';
import type { QuestionDraft } from './draft';
import { setLanguageEnabled } from './draft-ops';
import { difficultyOptions, EDITOR_LANGUAGES, languageLabels, typeOptions } from './labels';

interface QuestionDetailsFieldsProps {
  draft: QuestionDraft;
  errorAt: (path: string) => string | undefined;
  onChange: (draft: QuestionDraft) => void;
}

/** Type, place in the syllabus, difficulty, tags and provenance. */
export function QuestionDetailsFields({ draft, errorAt, onChange }: QuestionDetailsFieldsProps) {
  const tags = useQuestionTags();
  const update = (changes: Partial<QuestionDraft>) => onChange({ ...draft, ...changes });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Question type"
          data={typeOptions}
          value={draft.type}
          onChange={(value) => {
            const type = QUESTION_TYPES.find((item) => item === value);
            if (type) update({ type: type satisfies QuestionType });
          }}
          allowDeselect={false}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Difficulty
          </Text>
          <SegmentedControl
            aria-label="Difficulty"
            data={difficultyOptions}
            value={draft.difficulty}
            onChange={(value) => update({ difficulty: value })}
            fullWidth
          />
        </Stack>
      </SimpleGrid>
      <SyllabusSelects
        value={draft.topic}
        onChange={(topic) => update({ topic })}
        required
        error={errorAt('topic')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TagsInput
          label="Tags"
          placeholder="e.g. pyq, ncert"
          data={(tags.data ?? []).map((item) => item.tag)}
          value={draft.tags}
          onChange={(value) => update({ tags: value })}
          error={errorAt('tags')}
          clearable
        />
        <TextInput
          label="Source"
          placeholder="Book, year or exam"
          value={draft.source}
          onChange={(event) => update({ source: event.currentTarget.value })}
        />
        <TextInput
          label="Group id"
          placeholder="Shared by a passage's questions"
          value={draft.groupId}
          onChange={(event) => update({ groupId: event.currentTarget.value })}
          error={errorAt('groupId')}
        />
      </SimpleGrid>
      <Group gap="lg">
        <Text size="sm" fw={500}>
          Languages
        </Text>
        {EDITOR_LANGUAGES.map((language) => (
          <Checkbox
            key={language}
            label={languageLabels[language]}
            checked={draft.languages.includes(language)}
            disabled={draft.languages.length === 1 && draft.languages.includes(language)}
            onChange={(event) => onChange(setLanguageEnabled(draft, language, event.currentTarget.checked))}
          />
        ))}
      </Group>
    </Stack>
  );
}
