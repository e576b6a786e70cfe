import { Button, Divider, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalFormat } from '../../i18n/format';
import { ActionForm } from './ActionForm';
import { DecisionBadge, KindIcon, SnapshotThumb, StatusBadge, TimeLeft, TrustBadge } from './cells';
import { violationEntries } from './rows';
import type { CandidateRow } from './types';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** One candidate, live: what the grid shows in full, the latest snapshot large, and the actions. */
export function CandidateDrawer({
  examId,
  row,
  offsetMs,
  compact,
  onClose,
}: {
  examId: string;
  row: CandidateRow | null;
  offsetMs: number;
  compact: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useLocalFormat();
  const entries = row ? violationEntries(row) : [];
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size={compact ? '100%' : 'md'}
      title={t('proctoring.drawer.title')}
    >
      {row && (
        <Stack gap="md" data-testid="candidate-drawer">
          <div>
            <Title order={2} fz="h3">
              {row.name}
            </Title>
            {row.rollNumber && (
              <Text size="sm" c="dimmed">
                {t('proctoring.room.roll', { roll: row.rollNumber })}
              </Text>
            )}
          </div>
          <SimpleGrid cols={2} spacing="sm">
            <Fact label={t('proctoring.room.col.status')}>
              <StatusBadge status={row.status} />
            </Fact>
            <Fact label={t('proctoring.drawer.trust')}>
              <TrustBadge score={row.trustScore} size="lg" />
            </Fact>
            <Fact label={t('proctoring.drawer.timeLeft')}>
              <TimeLeft row={row} offsetMs={offsetMs} />
            </Fact>
            <Fact label={t('proctoring.drawer.answered')}>
              <Text size="sm">{row.answered}</Text>
            </Fact>
            <Fact label={t('proctoring.room.col.decision')}>
              <DecisionBadge decision={row.decision} />
            </Fact>
          </SimpleGrid>
          {row.latestSnapshot && (
            <Stack gap={4}>
              <SnapshotThumb
                evidenceId={row.latestSnapshot.evidenceId}
                alt={t('proctoring.room.snapshotOf', { name: row.name })}
                width={320}
              />
              <Text size="xs" c="dimmed">
                {t('proctoring.review.snapshot', { at: format.dateTime(row.latestSnapshot.takenAt) })}
              </Text>
            </Stack>
          )}
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('proctoring.drawer.violations')}
            </Text>
            {entries.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('proctoring.drawer.noViolations')}
              </Text>
            ) : (
              entries.map(([kind, count]) => (
                <Group key={kind} gap="xs" wrap="nowrap">
                  <KindIcon kind={kind} />
                  <Text size="sm" style={{ flex: 1 }}>
                    {t(`proctoring.kinds.${kind}`)}
                  </Text>
                  <Text size="sm" fw={700}>
                    {count}
                  </Text>
                </Group>
              ))
            )}
          </Stack>
          {row.attemptId && (
            <Button
              component={Link}
              to={`/proctoring/${examId}/review/${row.attemptId}`}
              variant="light"
              leftSection={<IconListDetails size={16} />}
            >
              {t('proctoring.drawer.openReview')}
            </Button>
          )}
          <Divider label={t('proctoring.drawer.actions')} labelPosition="left" />
          <ActionForm key={row.userId} examId={examId} row={row} compact={compact} />
        </Stack>
      )}
    </Drawer>
  );
}
