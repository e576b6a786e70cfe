import { ActionIcon, Button, Group } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './PhoneLayout.module.css';
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

const wrapping = { root: classes.tallButton, label: classes.wrappingLabel };

/**
 * The same buttons on a phone, in a bar stuck to the bottom of the screen: the marking ones above
 * (their labels may wrap, Hindi's are long), then Back, Save & Next, Next and Submit. Every target is
 * at least 44 px high; Back and Next are arrows named by their labels.
 */
export function StickyActionBar({ session, onSubmit }: { session: ExamSession; onSubmit: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={classes.actionBar} data-testid="action-bar">
      <div className={classes.markRow}>
        <Button color="orange" size="compact-sm" classNames={wrapping} onClick={session.saveAndMark}>
          {t('examRoom.actions.saveAndMark')}
        </Button>
        <Button variant="default" size="compact-sm" classNames={wrapping} onClick={session.clearResponse}>
          {t('examRoom.actions.clear')}
        </Button>
        <Button color="grape" size="compact-sm" classNames={wrapping} onClick={session.markAndNext}>
          {t('examRoom.actions.markAndNext')}
        </Button>
      </div>
      <div className={classes.moveRow}>
        <ActionIcon
          variant="default"
          size={44}
          aria-label={t('examRoom.actions.back')}
          title={t('examRoom.actions.back')}
          disabled={!session.hasPrevious}
          onClick={session.goBack}
        >
          <IconChevronLeft size={22} aria-hidden />
        </ActionIcon>
        <Button color="green" classNames={wrapping} onClick={session.saveAndNext}>
          {t('examRoom.actions.saveAndNext')}
        </Button>
        <ActionIcon
          variant="default"
          size={44}
          aria-label={t('examRoom.actions.next')}
          title={t('examRoom.actions.next')}
          disabled={!session.hasNext}
          onClick={session.goNext}
        >
          <IconChevronRight size={22} aria-hidden />
        </ActionIcon>
        <Button color="blue" classNames={wrapping} onClick={onSubmit}>
          {t('examRoom.actions.submit')}
        </Button>
      </div>
    </div>
  );
}
