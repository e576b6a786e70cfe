import { Button, Group, Modal, Table, Text } from '@mantine/core';
import { PALETTE_STATES } from '@examtech/core';
import { useTranslation } from 'react-i18next';
import { countStates, type OrderedSection } from './session-model';
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
  const { t } = useTranslation();
  const rows = session.sections.map((s: OrderedSection) => ({
    name: s.section.name,
    total: s.questions.length,
    counts: countStates(
      s.questions.map((q) => q.id),
      session.stateOf,
    ),
  }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('examRoom.submit.title')} size="xl" centered>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder withColumnBorders aria-label={t('examRoom.submit.summary')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('examRoom.submit.section')}</Table.Th>
              <Table.Th>{t('examRoom.submit.questions')}</Table.Th>
              {PALETTE_STATES.map((state) => (
                <Table.Th key={state}>{t(`examRoom.states.${state}`)}</Table.Th>
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
        {t('examRoom.submit.note')}
      </Text>
      {session.sync.pendingIds.size > 0 && (
        <Text size="sm" c="orange.8" mt={4}>
          {t('examRoom.submit.pending', { count: session.sync.pendingIds.size })}
        </Text>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('examRoom.submit.goBack')}
        </Button>
        <Button color="blue" loading={isSubmitting} onClick={onConfirm}>
          {t('examRoom.submit.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
