import {
  Accordion,
  ActionIcon,
  Box,
  Button,
  Collapse,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { IconChevronRight, IconListTree, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { SyllabusChapter, SyllabusKind, SyllabusSubject } from '../../lib/types';
import { useSyllabus, useUpdateSyllabusNode } from './api';
import { SyllabusNameModal, type NameRequest } from './SyllabusNameModal';
import { SyllabusNodeRow } from './SyllabusNodeRow';

interface TreeNode {
  id: string;
  name: string;
  position: number;
  archived?: boolean;
}

const countChapter = (chapter: SyllabusChapter) =>
  chapter.topics.reduce((sum, topic) => sum + topic.questionCount, 0);
const countSubject = (subject: SyllabusSubject) =>
  subject.chapters.reduce((sum, chapter) => sum + countChapter(chapter), 0);
const questions = (count: number) => `${count.toLocaleString('en-IN')} question${count === 1 ? '' : 's'}`;

export function SyllabusPage() {
  const [showArchived, setShowArchived] = useState(false);
  const syllabus = useSyllabus(showArchived);
  const update = useUpdateSyllabusNode();
  const [nameRequest, setNameRequest] = useState<NameRequest | null>(null);
  const [archiving, setArchiving] = useState<(TreeNode & { kind: SyllabusKind }) | null>(null);
  const [openChapters, setOpenChapters] = useState<ReadonlySet<string>>(new Set());

  /** Swaps positions with the neighbour; the server keeps siblings ordered by position. */
  const move = async (siblings: TreeNode[], index: number, step: -1 | 1) => {
    const node = siblings[index];
    const other = siblings[index + step];
    if (!node || !other) return;
    try {
      await update.mutateAsync({ id: node.id, position: other.position });
      await update.mutateAsync({ id: other.id, position: node.position });
    } catch (error) {
      notifyError(error, 'The order was not changed');
    }
  };

  const setArchived = (node: TreeNode, archived: boolean) =>
    update.mutate(
      { id: node.id, archived },
      {
        onSuccess: () => {
          notifySuccess(archived ? `“${node.name}” archived` : `“${node.name}” restored`);
          setArchiving(null);
        },
        onError: (error) => notifyError(error),
      },
    );

  const rowProps = (kind: SyllabusKind, siblings: TreeNode[], index: number) => {
    const node = siblings[index] as TreeNode;
    return {
      kind,
      name: node.name,
      isArchived: node.archived === true,
      isFirst: index === 0,
      isLast: index === siblings.length - 1,
      onRename: () => setNameRequest({ mode: 'rename', kind, id: node.id, name: node.name }),
      onMove: (step: -1 | 1) => void move(siblings, index, step),
      onArchive: (archived: boolean) =>
        archived ? setArchiving({ ...node, kind }) : setArchived(node, false),
    };
  };

  const toggleChapter = (id: string) =>
    setOpenChapters((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const addSubject = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setNameRequest({ mode: 'add', kind: 'subject' })}
    >
      Add subject
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Syllabus"
        description="Subjects, chapters and topics that questions are filed under."
        actions={addSubject}
      />
      <Group justify="flex-end" mb="sm">
        <Switch
          label="Show archived"
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
      </Group>
      <QueryContent
        query={syllabus}
        isEmpty={(subjects) => subjects.length === 0}
        empty={
          <EmptyPanel
            icon={<IconListTree size={28} />}
            title="No subjects yet"
            description="Add a subject, then its chapters and topics."
            action={addSubject}
          />
        }
      >
        {(subjects) => (
          <Paper withBorder radius="md">
            <Accordion multiple chevronPosition="left" variant="default" aria-label="Syllabus tree">
              {subjects.map((subject, subjectIndex) => (
                <Accordion.Item key={subject.id} value={subject.id}>
                  <Group wrap="nowrap" gap={0} pr="sm">
                    <Accordion.Control
                      aria-label={`${subject.name}: show chapters`}
                      style={{ flex: 1, minWidth: 0 }}
                    >
                      <Text fw={700} size="sm" c={subject.archived ? 'dimmed' : undefined}>
                        {subject.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {subject.chapters.length} chapters · {questions(countSubject(subject))}
                      </Text>
                    </Accordion.Control>
                    <SyllabusNodeRow
                      {...rowProps('subject', subjects, subjectIndex)}
                      name={subject.name}
                      meta={null}
                      childKind="chapter"
                      onAddChild={() =>
                        setNameRequest({
                          mode: 'add',
                          kind: 'chapter',
                          parentId: subject.id,
                          parentName: subject.name,
                        })
                      }
                      isActionsOnly
                    />
                  </Group>
                  <Accordion.Panel>
                    <Stack gap={0} pl={{ base: 0, sm: 'md' }}>
                      {subject.chapters.length === 0 && (
                        <Text size="sm" c="dimmed">
                          No chapters yet.
                        </Text>
                      )}
                      {subject.chapters.map((chapter, chapterIndex) => {
                        const isOpen = openChapters.has(chapter.id);
                        return (
                          <Box
                            key={chapter.id}
                            style={{
                              borderTop: chapterIndex ? '1px solid var(--mantine-color-gray-2)' : undefined,
                            }}
                          >
                            <SyllabusNodeRow
                              {...rowProps('chapter', subject.chapters, chapterIndex)}
                              meta={`${chapter.topics.length} topics · ${questions(countChapter(chapter))}`}
                              childKind="topic"
                              onAddChild={() =>
                                setNameRequest({
                                  mode: 'add',
                                  kind: 'topic',
                                  parentId: chapter.id,
                                  parentName: chapter.name,
                                })
                              }
                              leading={
                                <ActionIcon
                                  variant="subtle"
                                  color="gray"
                                  size="sm"
                                  aria-label={`${isOpen ? 'Hide' : 'Show'} topics of ${chapter.name}`}
                                  aria-expanded={isOpen}
                                  onClick={() => toggleChapter(chapter.id)}
                                >
                                  <IconChevronRight
                                    size={14}
                                    style={{
                                      transform: isOpen ? 'rotate(90deg)' : undefined,
                                      transition: 'transform 120ms',
                                    }}
                                  />
                                </ActionIcon>
                              }
                            />
                            <Collapse expanded={isOpen}>
                              <Stack gap={0} pl={34} pb="xs">
                                {chapter.topics.map((topic, topicIndex) => (
                                  <SyllabusNodeRow
                                    key={topic.id}
                                    {...rowProps('topic', chapter.topics, topicIndex)}
                                    meta={questions(topic.questionCount)}
                                  />
                                ))}
                                <Button
                                  variant="subtle"
                                  size="compact-xs"
                                  leftSection={<IconPlus size={12} />}
                                  onClick={() =>
                                    setNameRequest({
                                      mode: 'add',
                                      kind: 'topic',
                                      parentId: chapter.id,
                                      parentName: chapter.name,
                                    })
                                  }
                                  style={{ alignSelf: 'flex-start' }}
                                >
                                  Add topic
                                </Button>
                              </Stack>
                            </Collapse>
                          </Box>
                        );
                      })}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Paper>
        )}
      </QueryContent>
      <SyllabusNameModal request={nameRequest} onClose={() => setNameRequest(null)} />
      <ConfirmModal
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        title={`Archive ${archiving?.kind ?? ''}?`}
        confirmLabel={`Archive ${archiving?.kind ?? ''}`}
        loading={update.isPending}
        onConfirm={() => archiving && setArchived(archiving, true)}
      >
        {`“${archiving?.name ?? ''}” will no longer be offered for new questions. Its questions stay in the bank, and you can restore it from “Show archived”.`}
      </ConfirmModal>
    </>
  );
}
