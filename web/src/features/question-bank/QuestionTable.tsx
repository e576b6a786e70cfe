import { Anchor, Badge, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { MathMarkdown } from '../../components/MathMarkdown';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../lib/format';
import type { QuestionSummary } from '../../lib/types';
import { DifficultyBadge, LanguageBadges, ReservationBadge, TypeBadge } from './QuestionBadges';

interface QuestionTableProps {
  questions: QuestionSummary[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], isSelected: boolean) => void;
}

export function QuestionTable({ questions, selected, onSelect }: QuestionTableProps) {
  const ids = questions.map((question) => question.id);
  const selectedCount = ids.filter((id) => selected.has(id)).length;

  return (
    <ScrollTable
      minWidth={860}
      aria-label="Questions"
      head={
        <>
          <Table.Th w={40}>
            <Checkbox
              aria-label="Select all questions on this page"
              checked={selectedCount > 0 && selectedCount === ids.length}
              indeterminate={selectedCount > 0 && selectedCount < ids.length}
              onChange={(event) => onSelect(ids, event.currentTarget.checked)}
            />
          </Table.Th>
          <Table.Th>Question</Table.Th>
          <Table.Th>Topic</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Languages</Table.Th>
          <Table.Th>Updated</Table.Th>
        </>
      }
    >
      {questions.map((question) => (
        <Table.Tr key={question.id} bg={selected.has(question.id) ? 'indigo.0' : undefined}>
          <Table.Td>
            <Checkbox
              aria-label={`Select question ${question.stemPreview.slice(0, 40)}`}
              checked={selected.has(question.id)}
              onChange={(event) => onSelect([question.id], event.currentTarget.checked)}
            />
          </Table.Td>
          <Table.Td miw={280} maw={400} style={{ whiteSpace: 'normal' }}>
            <Anchor component={Link} to={`/questions/${question.id}`} size="sm" fw={500} lineClamp={2}>
              <MathMarkdown inline>{question.stemPreview || '(no text)'}</MathMarkdown>
            </Anchor>
            {question.reservation && <ReservationBadge reservation={question.reservation} />}
            {(question.tags.length > 0 || question.status === 'archived') && (
              <Group gap={4} mt={4}>
                {question.status === 'archived' && (
                  <Badge size="xs" color="gray" variant="filled" tt="none">
                    Archived
                  </Badge>
                )}
                {question.tags.map((tag) => (
                  <Badge key={tag} size="xs" color="gray" variant="light" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Table.Td>
          <Table.Td miw={160} maw={240} style={{ whiteSpace: 'normal' }}>
            <Text size="sm">{question.topic.name}</Text>
            <Text size="xs" c="dimmed">
              {question.subject.name} · {question.chapter.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Stack gap={4} align="flex-start">
              <TypeBadge type={question.type} />
              <DifficultyBadge difficulty={question.difficulty} />
            </Stack>
          </Table.Td>
          <Table.Td>
            <LanguageBadges languages={question.languages} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatDate(question.updatedAt)}</Text>
            <Text size="xs" c="dimmed">
              {question.updatedBy?.name ?? '—'} · v{question.version}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
