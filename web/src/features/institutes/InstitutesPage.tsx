import { Badge, Button, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { ScrollTable } from '../../components/ScrollTable';
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
      <PageHeader
        title="Institutes"
        description="Every coaching institute on this platform."
        actions={createButton}
      />
      <QueryContent
        query={institutes}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconBuildingCommunity size={28} />}
            title="No institutes yet"
            description="Create the first institute and its administrator."
            action={createButton}
          />
        }
      >
        {(items) => (
          <ScrollTable
            minWidth={720}
            head={
              <>
                <Table.Th>Institute</Table.Th>
                <Table.Th>Students</Table.Th>
                <Table.Th>Teachers</Table.Th>
                <Table.Th>Proctors</Table.Th>
                <Table.Th>Batches</Table.Th>
                <Table.Th>Created</Table.Th>
              </>
            }
          >
            {items.map((institute) => (
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
          </ScrollTable>
        )}
      </QueryContent>
      <CreateInstituteModal opened={opened} onClose={modal.close} />
    </>
  );
}
