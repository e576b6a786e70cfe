import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconAlertTriangle, IconLockOpen, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { isApiError, type FieldError } from '../../../lib/api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePublishExam, useUnpublishExam } from '../api';
import type { ExamDetail } from '../types';
import { IssueList } from './CheckerStatus';
import { SettingsSummary } from './SettingsSummary';
import type { DraftEditor } from './useDraftEditor';
import type { ExamSettingsEditor } from './useExamSettingsForm';

/**
 * Publish (freeze a snapshot) or unpublish (back to draft, only before anyone starts). Publish
 * refuses while the settings form holds unsaved or invalid changes: it would freeze the old ones.
 */
export function PublishControls({
  exam,
  editor,
  settings,
  onOpenSettings,
}: {
  exam: ExamDetail;
  editor: DraftEditor;
  settings: ExamSettingsEditor;
  onOpenSettings: () => void;
}) {
  const { t } = useTranslation();
  const publish = usePublishExam(exam.id);
  const unpublish = useUnpublishExam(exam.id);
  const [confirming, setConfirming] = useState<'publish' | 'unpublish' | 'settings' | null>(null);
  const [refusal, setRefusal] = useState<FieldError[] | null>(null);
  const hasUnsavedSettings = settings.isDirty || settings.isInvalid;

  const doPublish = async () => {
    if (hasUnsavedSettings) {
      setConfirming('settings');
      return;
    }
    if (!(await editor.flush())) {
      setConfirming(null);
      notifyError(new Error(editor.error ?? 'Save the paper before publishing.'), 'Not published');
      return;
    }
    publish.mutate(undefined, {
      onSuccess: () =>
        notifySuccess('The paper is frozen. Schedule it for your batches next.', 'Exam published'),
      onError: (error) => {
        if (isApiError(error, 'EXAM_DOES_NOT_FIT')) setRefusal(error.fields);
        else notifyError(error, 'Not published');
      },
      onSettled: () => setConfirming(null),
    });
  };

  const doUnpublish = () =>
    unpublish.mutate(undefined, {
      onSuccess: ({ exam: saved }) => {
        editor.reset(saved);
        notifySuccess('The exam is a draft again and can be edited.', 'Exam unpublished');
      },
      onError: (error) => notifyError(error, 'Not unpublished'),
      onSettled: () => setConfirming(null),
    });

  return (
    <>
      {exam.status === 'draft' ? (
        <Button
          leftSection={<IconSend size={16} />}
          onClick={() => setConfirming(hasUnsavedSettings ? 'settings' : 'publish')}
        >
          Publish
        </Button>
      ) : (
        <Button
          variant="default"
          leftSection={<IconLockOpen size={16} />}
          onClick={() => setConfirming('unpublish')}
          disabled={exam.status === 'live' || exam.status === 'ended'}
        >
          Unpublish
        </Button>
      )}
      <Modal
        opened={confirming === 'publish'}
        onClose={() => setConfirming(null)}
        title={t('builder.publish.title')}
        centered
      >
        <Text size="sm">{t('builder.publish.intro')}</Text>
        <SettingsSummary settings={exam.settings} />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="blue" loading={publish.isPending} onClick={() => void doPublish()}>
            {t('builder.publish.confirm')}
          </Button>
        </Group>
      </Modal>
      <Modal
        opened={confirming === 'settings'}
        onClose={() => setConfirming(null)}
        title={t('builder.publish.refusedTitle')}
        centered
      >
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {settings.isInvalid ? t('builder.publish.invalid') : t('builder.publish.unsaved')}
        </Alert>
        <Group justify="flex-end" mt="lg">
          {settings.isDirty && (
            <Button
              variant="default"
              onClick={() => {
                settings.discard();
                setConfirming(null);
              }}
            >
              {t('builder.publish.discard')}
            </Button>
          )}
          <Button
            onClick={() => {
              setConfirming(null);
              onOpenSettings();
            }}
          >
            {t('builder.publish.goToSettings')}
          </Button>
        </Group>
      </Modal>
      <ConfirmModal
        opened={confirming === 'unpublish'}
        title="Unpublish this exam?"
        confirmLabel="Unpublish"
        loading={unpublish.isPending}
        onConfirm={doUnpublish}
        onClose={() => setConfirming(null)}
      >
        The exam goes back to draft and leaves candidates’ schedules until you publish it again.
      </ConfirmModal>
      <Modal
        opened={refusal !== null}
        onClose={() => setRefusal(null)}
        title="The paper cannot be published yet"
        centered
        size="lg"
      >
        <Text size="sm" mb="sm">
          It does not fit its pattern. Fix these, then publish again:
        </Text>
        <IssueList
          issues={(refusal ?? []).map((field) => ({ code: '', path: field.path, message: field.message }))}
          sections={editor.draft.sections}
        />
        <Group justify="flex-end" mt="md">
          <Button onClick={() => setRefusal(null)}>Back to the paper</Button>
        </Group>
      </Modal>
    </>
  );
}
