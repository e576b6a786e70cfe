import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/ScrollTable';
import { formatInZone } from '../../../components/zoned-time';
import type { ExamDetail } from '../types';

/**
 * Who has registered for an exam that asks for registration, first come first, and how many of its
 * seats are taken: what the teacher checks before the day (registration itself is the candidates').
 */
export function RegisteredCandidates({ exam, timeZone }: { exam: ExamDetail; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const registered = (exam.assignments?.candidates ?? [])
    .flatMap((candidate) =>
      candidate.registeredAt ? [{ ...candidate, at: Date.parse(candidate.registeredAt) }] : [],
    )
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
  const capacity = exam.schedule?.registration.capacity ?? null;
  const count = registered.length;
  return (
    <Stack gap="xs" data-testid="registered-candidates">
      <div>
        <Title order={3} fz="h6">
          {t('forms.registered.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="seats-taken">
          {capacity === null
            ? t('forms.registered.count', { count })
            : t('forms.registered.seats', { count, capacity })}
        </Text>
      </div>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('forms.registered.empty')}
        </Text>
      ) : (
        <ScrollTable
          minWidth={320}
          maxHeight={320}
          aria-label={t('forms.registered.list')}
          head={
            <>
              <Table.Th w={48}>#</Table.Th>
              <Table.Th>{t('forms.registered.candidate')}</Table.Th>
              <Table.Th>{t('forms.registered.at')}</Table.Th>
            </>
          }
        >
          {registered.map((candidate, index) => (
            <Table.Tr key={candidate.userId}>
              <Table.Td c="dimmed">{index + 1}</Table.Td>
              <Table.Td>{candidate.name}</Table.Td>
              <Table.Td>{formatInZone(candidate.at, timeZone, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
    </Stack>
  );
}
