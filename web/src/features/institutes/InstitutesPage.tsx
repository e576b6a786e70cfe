import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, TableSkeleton } from '../../components/QueryStates';
import { formatDate } from '../../lib/format';
import { useInstitutes } from './api';
import { CreateInstituteModal } from './CreateInstituteModal';

export function InstitutesPage() {
  const institutes = useInstitutes();
  const [opened, modal] = useDisclosure();
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
      Create institute
    </Button>
  );

  return (
    <>
      <PageHeader title="Institutes" description="Every coaching institute on this platform." actions={createButton} />
      {institutes.isPending ? (
        <TableSkeleton />
      ) : institutes.isError ? (
        <LoadError error={institutes.error} onRetry={() => void institutes.refetch()} />
      ) : institutes.data.length === 0 ? (
        <EmptyPanel icon={<IconBuildingCommunity size={28} />} title="No institutes yet" description="Create the first institute and its administrator." action={createButton} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover className="nowrap-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Institute</Table.Th>
                  <Table.Th>Students</Table.Th>
                  <Table.Th>Teachers</Table.Th>
                  <Table.Th>Proctors</Table.Th>
                  <Table.Th>Batches</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {institutes.data.map((institute) => (
                  <Table.Tr key={institute.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {institute.name}
                      </Text>
                      <Badge variant="light" color="gray" tt="none" size="sm" radius="sm">
                        {institute.slug}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{institute.stats.students}</Table.Td>
                    <Table.Td>{institute.stats.teachers}</Table.Td>
                    <Table.Td>{institute.stats.proctors}</Table.Td>
                    <Table.Td>{institute.stats.batches}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatDate(institute.createdAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CreateInstituteModal opened={opened} onClose={modal.close} />
    </>
  );
}
