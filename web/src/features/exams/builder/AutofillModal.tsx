import {
  Accordion,
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NumberInput,
  Stack,
  Text,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSyllabus } from '../../syllabus/api';
import { useAutofill } from '../api';
import type { Shortfall } from '../types';
import { BlueprintRules, createDefaultRules, toBlueprintRule, type RuleRow } from './BlueprintRules';
import type { DraftEditor } from './useDraftEditor';

/** Blueprint auto-select: per section, how many questions of which chapter/topic and difficulty. */
export function AutofillModal({
  editor,
  examId,
  onClose,
}: {
  editor: DraftEditor;
  examId: string;
  onClose: () => void;
}) {
  const syllabus = useSyllabus();
  const autofill = useAutofill(examId);
  const sections = editor.draft.sections;
  const [rules, setRules] = useState<Record<string, RuleRow[]> | null>(null);
  const [excludeLast, setExcludeLast] = useState<number | string>('');
  const [replaceExisting, setReplaceExisting] = useState(false);
  const [shortfalls, setShortfalls] = useState<Shortfall[] | null>(null);

  // The defaults need the syllabus (to match section subjects); built once it is there.
  const current =
    rules ??
    (syllabus.data
      ? Object.fromEntries(
          sections.map((section) => [section.id, createDefaultRules(section, syllabus.data)]),
        )
      : null);

  const submit = async () => {
    if (!current) return;
    if (!(await editor.flush())) return;
    const body = {
      sections: sections
        .map((section) => ({
          sectionId: section.id,
          rules: (current[section.id] ?? []).filter((row) => row.count > 0).map(toBlueprintRule),
        }))
        .filter((section) => section.rules.length > 0),
      ...(typeof excludeLast === 'number' && excludeLast > 0 ? { excludeUsedInLastExams: excludeLast } : {}),
      replaceExisting,
    };
    autofill.mutate(body, {
      onSuccess: ({ exam, shortfalls: missing }) => {
        editor.reset(exam);
        if (missing.length === 0) {
          notifySuccess('Every rule was filled from the bank', 'Questions selected');
          onClose();
        } else setShortfalls(missing);
      },
      onError: (error) => notifyError(error, 'Auto-select failed'),
    });
  };

  const sectionName = (id: string) => sections.find((section) => section.id === id)?.name ?? 'Paper';

  return (
    <Modal opened onClose={onClose} title="Auto-select from a blueprint" size="xl" centered>
      {shortfalls ? (
        <Stack gap="md">
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} />}
            title="The bank could not fill everything"
            role="alert"
          >
            <Text size="sm" mb="xs">
              The questions that matched were added. Still missing:
            </Text>
            <List size="sm" spacing={4} data-testid="shortfalls">
              {shortfalls.map((shortfall, index) => (
                <List.Item key={index}>
                  <Text span fw={600} size="sm">
                    {sectionName(shortfall.sectionId)}:
                  </Text>{' '}
                  {shortfall.message}
                </List.Item>
              ))}
            </List>
          </Alert>
          <Text size="sm" c="dimmed">
            Add questions to the bank, loosen a rule, or fill the gaps by hand from the bank panel.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setShortfalls(null)}>
              Change rules
            </Button>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Each section starts with its remaining questions from its subject. Split them by chapter, topic
            and difficulty as you like. Passage groups are kept whole.
          </Text>
          <Accordion multiple variant="separated" defaultValue={sections[0] ? [sections[0].id] : []}>
            {sections.map((section) => {
              const rows = current?.[section.id] ?? [];
              const total = rows.reduce((sum, row) => sum + row.count, 0);
              return (
                <Accordion.Item key={section.id} value={section.id}>
                  <Accordion.Control>
                    <Text fw={600} size="sm">
                      {section.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {total} to select · {section.items.length} of {section.questionCount} already in the
                      paper
                    </Text>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <BlueprintRules
                      rows={rows}
                      onChange={(next) => setRules({ ...(current ?? {}), [section.id]: next })}
                    />
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
          <Group align="flex-end" gap="lg">
            <NumberInput
              label="Skip questions used in the last N exams"
              description="Of the same batches; empty to allow any"
              min={1}
              max={50}
              value={excludeLast}
              onChange={setExcludeLast}
              w={280}
            />
            <Checkbox
              label="Replace the questions already in these sections"
              checked={replaceExisting}
              onChange={(event) => setReplaceExisting(event.currentTarget.checked)}
              mb={6}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button loading={autofill.isPending} disabled={!current} onClick={() => void submit()}>
              Select questions
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
