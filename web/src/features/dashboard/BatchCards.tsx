import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Batch } from '../../lib/types';

/** Batches as cards; linked to their detail page for staff, plain for students. */
export function BatchCards({ batches, linked }: { batches: Batch[]; linked: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {batches.map((batch) =>
        linked ? (
          <Card
            key={batch.id}
            withBorder
            radius="md"
            padding="md"
            component={Link}
            to={`/batches/${batch.id}`}
          >
            <BatchCardBody batch={batch} showCount />
          </Card>
        ) : (
          <Card key={batch.id} withBorder radius="md" padding="md">
            <BatchCardBody batch={batch} showCount={false} />
          </Card>
        ),
      )}
    </SimpleGrid>
  );
}

function BatchCardBody({ batch, showCount }: { batch: Batch; showCount: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Text fw={600} lineClamp={2}>
        {batch.name}
      </Text>
      <Badge variant="outline" color="gray" tt="none" radius="sm" my={6}>
        {batch.code}
      </Badge>
      {batch.description && (
        <Text size="sm" c="dimmed" lineClamp={2}>
          {batch.description}
        </Text>
      )}
      {showCount && (
        <Group gap={6} mt="sm" c="dimmed">
          <IconUsers size={14} />
          <Text size="xs">{t('dashboard.studentCount', { count: batch.studentCount })}</Text>
        </Group>
      )}
    </>
  );
}
