import { Badge, Button, Modal, Paper, Text, Timeline, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryContent } from '../../components/QueryContent';
import { formatDateTime } from '../../lib/format';
import type { QuestionVersion } from '../../lib/types';
import { useQuestionVersions } from './api';
import { LanguageColumns } from './LanguageColumns';
import { QuestionPreview } from './QuestionPreview';

/** Every saved version, newest first, each with a read-only preview. */
export function VersionHistory({
  questionId,
  currentVersion,
}: {
  questionId: string;
  currentVersion: number;
}) {
  const versions = useQuestionVersions(questionId);
  const [shown, setShown] = useState<QuestionVersion | null>(null);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Version history">
      <Title order={2} fz="h4" mb="md">
        Version history
      </Title>
      <QueryContent query={versions}>
        {(items) => (
          <Timeline bulletSize={22} lineWidth={2} active={0}>
            {items.map((version) => (
              <Timeline.Item
                key={version.id}
                bullet={<IconHistory size={12} />}
                title={
                  <Text size="sm" fw={600}>
                    Version {version.version}{' '}
                    {version.version === currentVersion && (
                      <Badge size="xs" variant="light" tt="none">
                        current
                      </Badge>
                    )}
                  </Text>
                }
              >
                <Text size="xs" c="dimmed">
                  {version.createdBy?.name ?? 'Unknown'} · {formatDateTime(version.createdAt)}
                </Text>
                {version.changeNote && (
                  <Text size="sm" mt={2}>
                    {version.changeNote}
                  </Text>
                )}
                <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setShown(version)}>
                  View version {version.version}
                </Button>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </QueryContent>
      <Modal
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={shown ? `Version ${shown.version}` : ''}
        size="xl"
        centered
      >
        {shown && (
          <LanguageColumns
            languages={Object.keys(shown.body.content)}
            label={`Version ${shown.version} by language`}
          >
            {(language) => <QuestionPreview question={shown.body} language={language} showAnswer />}
          </LanguageColumns>
        )}
      </Modal>
    </Paper>
  );
}
