import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExamSession } from './useExamSession';

/** The NTA buttons, in NTA's order and colours. */
export function ActionBar({ session, onSubmit }: { session: ExamSession; onSubmit: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Group gap="xs" wrap="wrap">
        <Button color="green" onClick={session.saveAndNext}>
          {t('examRoom.actions.saveAndNext')}
        </Button>
        <Button color="orange" onClick={session.saveAndMark}>
          {t('examRoom.actions.saveAndMark')}
        </Button>
        <Button variant="default" onClick={session.clearResponse}>
          {t('examRoom.actions.clear')}
        </Button>
        <Button color="grape" onClick={session.markAndNext}>
          {t('examRoom.actions.markAndNext')}
        </Button>
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button variant="default" disabled={!session.hasPrevious} onClick={session.goBack}>
          {t('examRoom.actions.back')}
        </Button>
        <Button variant="default" disabled={!session.hasNext} onClick={session.goNext}>
          {t('examRoom.actions.next')}
        </Button>
        <Button color="blue" onClick={onSubmit}>
          {t('examRoom.actions.submit')}
        </Button>
      </Group>
    </Group>
  );
}
