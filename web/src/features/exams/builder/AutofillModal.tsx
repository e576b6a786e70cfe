import { Accordion, Button, Checkbox, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSyllabus } from '../../syllabus/api';
import { useAutofill } from '../api';
import type { Shortfall } from '../types';
import {
  BlueprintRules,
  createDefaultRules,
  findSectionSubjectPath,
  toBlueprintRule,
  type RuleRow,
} from './BlueprintRules';
import { ShortfallList } from './ShortfallList';
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
  const { t } = useTranslation();
  const syllabus = useSyllabus();
  const autofill = useAutofill(examId);
  const sections = editor.draft.sections;
  // Only the sections whose rules the teacher changed; the others follow the defaults, which
  // depend on "replace existing" (a replaced section needs its full count, not what is left).
  const [edited, setEdited] = useState<Record<string, RuleRow[]>>({});
  const [excludeLast, setExcludeLast] = useState<number | string>('');
  const [replaceExisting, setReplaceExisting] = useState(false);
  const [shortfalls, setShortfalls] = useState<Shortfall[] | null>(null);

  // The defaults need the syllabus (to match section subjects); built once it is there.
  const current = syllabus.data
    ? Object.fromEntries(
        sections.map((section) => [
          section.id,
          edited[section.id] ?? createDefaultRules(section, syllabus.data, replaceExisting),
        ]),
      )
    : null;

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

  return (
    <Modal opened onClose={onClose} title="Auto-select from a blueprint" size="xl" centered>
      {shortfalls ? (
        <Stack gap="md">
          <ShortfallList shortfalls={shortfalls} sections={sections} />
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
              const kept = replaceExisting ? 0 : section.items.length;
              const summary = {
                count: total,
                inPaper: section.items.length,
                total: section.questionCount,
              };
              return (
                <Accordion.Item key={section.id} value={section.id}>
                  <Accordion.Control>
                    <Text fw={600} size="sm">
                      {section.name}
                    </Text>
                    <Text size="xs" c="dimmed" data-testid="autofill-summary">
                      {replaceExisting && section.items.length > 0
                        ? t('builder.autofill.summaryReplace', summary)
                        : t('builder.autofill.summary', summary)}
                    </Text>
                    {total > 0 && kept + total < section.questionCount && (
                      <Text size="xs" c="orange.8">
                        {t('builder.autofill.willHold', {
                          count: kept + total,
                          total: section.questionCount,
                        })}
                      </Text>
                    )}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <BlueprintRules
                      rows={rows}
                      newRulePath={findSectionSubjectPath(section, syllabus.data ?? [])}
                      onChange={(next) => setEdited({ ...edited, [section.id]: next })}
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
              description={t('builder.autofill.replaceHint')}
              checked={replaceExisting}
              onChange={(event) => setReplaceExisting(event.currentTarget.checked)}
              mb={6}
              maw={360}
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
