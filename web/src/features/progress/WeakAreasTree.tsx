import { Accordion, Button, Collapse, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalFormat } from '../../i18n/format';
import type { SubjectNode, TopicNode } from './api';
import { outcomeColor, percent } from './labels';
import { MasteryBar } from './MasteryBar';

function TopicRow({ topic }: { topic: TopicNode }) {
  const { t, i18n } = useTranslation();
  const format = useLocalFormat();
  const [open, setOpen] = useState(false);
  const panelId = `evidence-${topic.id}`;
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="topic-row">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {topic.name}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={panelId}
          >
            {open ? t('progress.hideQuestions') : t('progress.questions')}
          </Button>
        </Group>
        <MasteryBar label={topic.name} mastery={topic.mastery} evidenceCount={topic.evidenceCount} />
        <Collapse expanded={open} id={panelId}>
          <Table.ScrollContainer minWidth={320}>
            <Table fz="xs" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('progress.evidence.question')}</Table.Th>
                  <Table.Th>{t('progress.evidence.result')}</Table.Th>
                  <Table.Th>{t('progress.evidence.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {topic.evidence.map((e) => (
                  <Table.Tr key={`${e.examId}:${e.questionId}`}>
                    <Table.Td>
                      {t('progress.evidence.item', { position: e.position, exam: e.examTitle })}
                      {e.source === 'mock' ? t('progress.evidence.mock') : ''}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" fw={600} c={outcomeColor[e.outcome]} style={{ whiteSpace: 'nowrap' }}>
                        {t(`progress.outcomes.${e.outcome}`)}
                        {e.fraction === undefined ? '' : ` ${percent(e.fraction, i18n.language)}`}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(e.answeredAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Collapse>
      </Stack>
    </Paper>
  );
}

/** Subjects, their chapters and topics, each with its mastery bar; a topic lists the answers behind it. */
export function WeakAreasTree({ subjects }: { subjects: SubjectNode[] }) {
  return (
    <Accordion multiple variant="separated" defaultValue={subjects.map((s) => s.id)} data-testid="weak-areas">
      {subjects.map((subject) => (
        <Accordion.Item key={subject.id} value={subject.id}>
          <Accordion.Control>
            <Stack gap={4}>
              <Text fw={600}>{subject.name}</Text>
              <MasteryBar
                label={subject.name}
                mastery={subject.mastery}
                evidenceCount={subject.evidenceCount}
              />
            </Stack>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="md">
              {subject.chapters.map((chapter) => (
                <Stack key={chapter.id} gap="xs">
                  <Text size="sm" fw={600} c="dimmed">
                    {chapter.name}
                  </Text>
                  <MasteryBar
                    label={chapter.name}
                    mastery={chapter.mastery}
                    evidenceCount={chapter.evidenceCount}
                  />
                  <Stack gap="xs" pl={{ base: 0, sm: 'md' }}>
                    {chapter.topics.map((topic) => (
                      <TopicRow key={topic.id} topic={topic} />
                    ))}
                  </Stack>
                </Stack>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
