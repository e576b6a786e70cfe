import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { QUESTION_TYPES, type MarkingScheme } from '@examtech/core';
import { useState } from 'react';
import { questionTypeLabels } from '../labels';
import type { DraftSection } from '../types';
import { updateSection } from './draft-ops';
import type { DraftEditor } from './useDraftEditor';

const typeOptions = QUESTION_TYPES.map((type) => ({ value: type, label: questionTypeLabels[type] }));
const multiOptions = [
  { value: 'all_or_nothing', label: 'All or nothing' },
  { value: 'jee_advanced_partial', label: 'JEE Advanced partial (+1 per correct option)' },
];

type MultiMode = NonNullable<MarkingScheme['multi']>['mode'];

/** Name, marking, best k of n, locked timing, allowed types and shuffling of one section. */
export function SectionSettingsModal({
  editor,
  sectionId,
  onClose,
  onRemoved,
}: {
  editor: DraftEditor;
  sectionId: string;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const section = editor.draft.sections.find((entry) => entry.id === sectionId);
  // Mounted per section (keyed by its id), so the form starts from that section's values.
  const [values, setValues] = useState<DraftSection | null>(() => (section ? { ...section } : null));

  if (!section || !values) return null;
  const readOnly = editor.isReadOnly;
  const set = (change: Partial<DraftSection>) =>
    setValues((current) => (current ? { ...current, ...change } : current));
  const setScheme = (change: Partial<MarkingScheme>) => set({ scheme: { ...values.scheme, ...change } });
  const numberOr = <T,>(value: string | number, fallback: T) =>
    typeof value === 'number' ? value : fallback;

  const save = () => {
    editor.update((draft) => updateSection(draft, section.id, () => ({ ...values, items: section.items })));
    onClose();
  };
  const remove = () => {
    editor.update((draft) => ({
      ...draft,
      sections: draft.sections.filter((entry) => entry.id !== section.id),
    }));
    onRemoved();
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={`Section: ${section.name}`} size="lg" centered>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Name"
            value={values.name}
            readOnly={readOnly}
            onChange={(e) => set({ name: e.currentTarget.value })}
          />
          <NumberInput
            label="Questions in this section"
            min={1}
            max={500}
            value={values.questionCount}
            readOnly={readOnly}
            onChange={(value) => set({ questionCount: numberOr(value, values.questionCount) })}
          />
          <NumberInput
            label="Marks for a correct answer"
            min={0}
            step={0.5}
            decimalScale={2}
            value={
              typeof values.scheme.correct === 'number'
                ? values.scheme.correct
                : values.scheme.correct.num / values.scheme.correct.den
            }
            readOnly={readOnly}
            onChange={(value) => setScheme({ correct: numberOr(value, values.scheme.correct) })}
          />
          <NumberInput
            label="Marks for a wrong answer"
            description="0 or negative"
            max={0}
            step={0.25}
            decimalScale={2}
            value={
              typeof values.scheme.wrong === 'number'
                ? values.scheme.wrong
                : values.scheme.wrong.num / values.scheme.wrong.den
            }
            readOnly={readOnly}
            onChange={(value) => setScheme({ wrong: numberOr(value, values.scheme.wrong) })}
          />
          <Select
            label="Multiple-correct questions"
            data={multiOptions}
            value={values.scheme.multi?.mode ?? 'all_or_nothing'}
            readOnly={readOnly}
            allowDeselect={false}
            onChange={(mode) => setScheme({ multi: { mode: (mode ?? 'all_or_nothing') as MultiMode } })}
          />
          <NumberInput
            label="Best k of n"
            description="Evaluate only the first k answered; empty for all"
            min={1}
            max={values.questionCount}
            value={values.bestOf ?? ''}
            readOnly={readOnly}
            onChange={(value) => set({ bestOf: numberOr(value, undefined) })}
          />
          {editor.draft.lockedSections && (
            <NumberInput
              label="Section time (minutes)"
              description="Sections are locked: each has its own time"
              min={1}
              value={values.durationMinutes ?? ''}
              readOnly={readOnly}
              onChange={(value) => set({ durationMinutes: numberOr(value, undefined) })}
            />
          )}
        </SimpleGrid>
        <MultiSelect
          label="Allowed question types"
          data={typeOptions}
          value={values.allowedTypes}
          readOnly={readOnly}
          onChange={(types) => set({ allowedTypes: types })}
        />
        <Group gap="xl">
          <Switch
            label="Shuffle questions"
            checked={values.shuffleQuestions}
            disabled={readOnly}
            onChange={(e) => set({ shuffleQuestions: e.currentTarget.checked })}
          />
          <Switch
            label="Shuffle options"
            checked={values.shuffleOptions}
            disabled={readOnly}
            onChange={(e) => set({ shuffleOptions: e.currentTarget.checked })}
          />
        </Group>
        {!readOnly && (
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="red"
              onClick={remove}
              disabled={editor.draft.sections.length === 1}
            >
              {section.items.length > 0
                ? `Delete section and its ${section.items.length} questions`
                : 'Delete section'}
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button onClick={save}>Apply</Button>
            </Group>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
