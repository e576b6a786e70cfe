import { Button, Group, Menu, Pagination, Text } from '@mantine/core';
import { IconChevronDown, IconDatabase, IconDownload, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { BulkActions } from './BulkActions';
import { exportUrl, useQuestions } from './api';
import { isFiltered, useQuestionFilter } from './filters';
import { QuestionFilters } from './QuestionFilters';
import { QuestionTable } from './QuestionTable';

const pageSize = 25;

export function QuestionBankPage() {
  const [filter, updateFilter] = useQuestionFilter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const query = { ...filter, page: filter.page ?? 1, pageSize };
  const questions = useQuestions(query);
  const hasFilter = isFiltered(filter);
  const totalPages = Math.max(1, Math.ceil((questions.data?.total ?? 0) / pageSize));

  const changeFilter: typeof updateFilter = (changes) => {
    setSelected(new Set());
    updateFilter(changes);
  };
  const select = (ids: string[], isSelected: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (isSelected) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const newButton = (
    <Button component={Link} to="/questions/new" leftSection={<IconPlus size={16} />}>
      New question
    </Button>
  );
  const importButton = (
    <Button
      component={Link}
      to="/questions/import"
      variant="default"
      leftSection={<IconFileImport size={16} />}
    >
      Import
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Question bank"
        description="Every question of your institute, in English and Hindi, ready for papers and practice."
        actions={
          <>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  rightSection={<IconChevronDown size={14} />}
                >
                  Export
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{hasFilter ? 'Questions matching the filters' : 'All questions'}</Menu.Label>
                <Menu.Item component="a" href={exportUrl('csv', query)} download>
                  CSV (.csv)
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl('xlsx', query)} download>
                  Excel (.xlsx)
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {importButton}
            {newButton}
          </>
        }
      />
      <QuestionFilters filter={filter} onChange={changeFilter} />
      <QueryContent
        query={questions}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyPanel
            icon={<IconDatabase size={28} />}
            title={hasFilter ? 'No questions match' : 'Your question bank is empty'}
            description={
              hasFilter
                ? 'Try other words or clear some filters.'
                : 'Write a question with equations and a Hindi version, or bring in a whole spreadsheet at once.'
            }
            action={
              !hasFilter && (
                <Group gap="sm">
                  {newButton}
                  {importButton}
                </Group>
              )
            }
          />
        }
      >
        {(data) => (
          <>
            <QuestionTable questions={data.items} selected={selected} onSelect={select} />
            <Group justify="space-between" mt="md" mb={selected.size > 0 ? 80 : 0}>
              <Text size="sm" c="dimmed">
                {data.total.toLocaleString('en-IN')} question{data.total === 1 ? '' : 's'}
              </Text>
              {totalPages > 1 && (
                <Pagination
                  total={totalPages}
                  value={query.page}
                  onChange={(page) => {
                    setSelected(new Set());
                    updateFilter({ page });
                  }}
                  size="sm"
                />
              )}
            </Group>
          </>
        )}
      </QueryContent>
      <BulkActions
        ids={[...selected]}
        isArchivedView={filter.status === 'archived'}
        onDone={() => setSelected(new Set())}
      />
    </>
  );
}
