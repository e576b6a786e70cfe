import type { ReactNode } from 'react';
import { Anchor, Badge, Breadcrumbs, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { LoadError, TableSkeleton } from '../../components/QueryStates';
import { formatDateTime } from '../../lib/format';
import type { QuestionDetail } from '../../lib/types';
import { useQuestion } from './api';
import { LanguageColumns } from './LanguageColumns';
import { QuestionActions } from './QuestionActions';
import { describeReservation, DifficultyBadge, LanguageBadges, TypeBadge } from './QuestionBadges';
import { QuestionPreview } from './QuestionPreview';
import { VersionHistory } from './VersionHistory';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export function QuestionViewPage() {
  const { questionId = '' } = useParams();
  const question = useQuestion(questionId);
  if (question.isPending) return <TableSkeleton rows={6} />;
  if (question.isError) return <LoadError error={question.error} onRetry={() => void question.refetch()} />;
  return <QuestionView question={question.data} />;
}

function QuestionView({ question }: { question: QuestionDetail }) {
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/questions">
          Question bank
        </Anchor>
        <Text size="sm">{question.topic.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" mb="lg" gap="sm">
        <Stack gap={6}>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            Question
          </Title>
          <Group gap={6}>
            <TypeBadge type={question.type} />
            <DifficultyBadge difficulty={question.difficulty} />
            <LanguageBadges languages={question.languages} />
            {question.status === 'archived' && (
              <Badge color="gray" variant="filled" tt="none">
                Archived
              </Badge>
            )}
          </Group>
          {question.reservation && (
            <Text size="sm" c="orange.8" data-testid="reservation-note">
              {describeReservation(question.reservation)}: practice tests leave it out until then.
            </Text>
          )}
        </Stack>
        <Group gap="sm">
          <QuestionActions question={question} />
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder radius="md" p="lg">
            <LanguageColumns languages={question.languages} label="Question by language">
              {(language) => <QuestionPreview question={question.body} language={language} showAnswer />}
            </LanguageColumns>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="lg">
              <Stack gap="sm">
                <Fact label="Syllabus">
                  {question.subject.name} › {question.chapter.name} › {question.topic.name}
                </Fact>
                <Fact label="Tags">
                  {question.tags.length ? (
                    <Group gap={4}>
                      {question.tags.map((tag) => (
                        <Badge key={tag} variant="light" color="gray" tt="none" size="sm">
                          {tag}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    '—'
                  )}
                </Fact>
                <Fact label="Source">{question.source ?? '—'}</Fact>
                {question.body.groupId && <Fact label="Group">{question.body.groupId}</Fact>}
                <Fact label="Last change">
                  v{question.version} by {question.updatedBy?.name ?? 'unknown'},{' '}
                  {formatDateTime(question.updatedAt)}
                </Fact>
                <Fact label="Created">
                  {question.createdBy?.name ?? 'Unknown'}, {formatDateTime(question.createdAt)}
                </Fact>
              </Stack>
            </Paper>
            <VersionHistory questionId={question.id} currentVersion={question.version} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
