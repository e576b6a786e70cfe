import { Fieldset, NumberInput, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { DraftEditor } from './useDraftEditor';

/**
 * The default instructions state the duration; when the teacher changes it, the sentence follows
 * (in both languages) so candidates never read a stale time. Edited wording is left alone.
 */
function restateDuration(
  instructions: { en: string; hi: string },
  from: number,
  to: number,
): { en: string; hi: string } {
  return {
    en: instructions.en.replace(
      `duration of the examination is ${from} minutes`,
      `duration of the examination is ${to} minutes`,
    ),
    hi: instructions.hi.replace(`कुल अवधि ${from} मिनट`, `कुल अवधि ${to} मिनट`),
  };
}

/** Title, timing and instructions: part of the draft, saved automatically like the paper. */
export function PaperDetailsForm({ editor }: { editor: DraftEditor }) {
  const { draft, update, isReadOnly } = editor;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Changes here save automatically with the paper.
      </Text>
      <Fieldset legend="Paper" disabled={isReadOnly} radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="Title"
            value={draft.title}
            onChange={(event) => {
              const title = event.currentTarget.value;
              update((current) => ({ ...current, title }));
            }}
          />
          <NumberInput
            label="Duration (minutes)"
            min={1}
            max={600}
            value={draft.durationMinutes}
            onChange={(value) =>
              typeof value === 'number' &&
              update((current) => ({
                ...current,
                durationMinutes: value,
                instructions: restateDuration(current.instructions, current.durationMinutes, value),
              }))
            }
          />
          <Switch
            mt={{ sm: 30 }}
            label="Locked sections (own time each, no going back)"
            checked={draft.lockedSections}
            onChange={(event) => {
              const lockedSections = event.currentTarget.checked;
              update((current) => ({ ...current, lockedSections }));
            }}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Instructions" disabled={isReadOnly} radius="md">
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            Shown before the exam starts. They begin as the NTA-style general instructions; edit them for this
            exam.
          </Text>
          <Textarea
            label="English"
            autosize
            minRows={6}
            maxRows={16}
            value={draft.instructions.en}
            onChange={(event) => {
              const en = event.currentTarget.value;
              update((current) => ({ ...current, instructions: { ...current.instructions, en } }));
            }}
          />
          <Textarea
            label="Hindi (हिन्दी)"
            autosize
            minRows={6}
            maxRows={16}
            lang="hi"
            value={draft.instructions.hi}
            onChange={(event) => {
              const hi = event.currentTarget.value;
              update((current) => ({ ...current, instructions: { ...current.instructions, hi } }));
            }}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
