import { Button, Group, Modal, Table, Text } from '@mantine/core';
import { PALETTE_STATES } from '@examtech/core';
import { countStates, paletteLabels, type OrderedSection } from './session-model';
import type { ExamSession } from './useExamSession';

/** Per-section counts by palette state, then a confirmation. */
export function SubmitModal({
  session,
  opened,
  isSubmitting,
  onClose,
  onConfirm,
}: {
  session: ExamSession;
  opened: boolean;
  isSubmitting: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const rows = session.sections.map((s: OrderedSection) => ({
    name: s.section.name,
    total: s.questions.length,
    counts: countStates(
      s.questions.map((q) => q.id),
      session.stateOf,
    ),
  }));
  return (
    <Modal opened={opened} onClose={onClose} title="Submit the exam?" size="xl" centered>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder withColumnBorders aria-label="Exam summary">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Section</Table.Th>
              <Table.Th>Questions</Table.Th>
              {PALETTE_STATES.map((state) => (
                <Table.Th key={state}>{paletteLabels[state]}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.name}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.total}</Table.Td>
                {PALETTE_STATES.map((state) => (
                  <Table.Td key={state}>{row.counts[state]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" mt="sm">
        Answered &amp; Marked for Review questions are evaluated. After submitting you cannot change any
        answer.
      </Text>
      {session.sync.pendingIds.size > 0 && (
        <Text size="sm" c="orange.8" mt={4}>
          {session.sync.pendingIds.size} answers are still waiting to sync; they are sent before submitting.
        </Text>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Go back to the exam
        </Button>
        <Button color="blue" loading={isSubmitting} onClick={onConfirm}>
          Yes, submit
        </Button>
      </Group>
    </Modal>
  );
}
