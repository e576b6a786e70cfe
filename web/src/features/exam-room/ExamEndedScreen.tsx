import { Alert, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * /exam/:id once the exam is over for this candidate (the server's `isOver`): no instructions and
 * no Start, but where to go: their result (analysis, or when results come out), or that they did
 * not sit it.
 */
export function ExamEndedScreen({ title, attemptId }: { title: string; attemptId: string | null }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Alert color={attemptId ? 'blue' : 'gray'} title={t('examRoom.ended.title')} data-testid="exam-ended">
          <Text size="sm">{attemptId ? t('examRoom.ended.sat') : t('examRoom.ended.notSat')}</Text>
        </Alert>
        <Group>
          {attemptId && (
            <Button component={Link} to={`/results/${attemptId}`}>
              {t('examRoom.ended.seeResult')}
            </Button>
          )}
          <Button component={Link} to="/" variant={attemptId ? 'default' : 'filled'}>
            {t('examRoom.ended.backToDashboard')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
