import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormActions } from '../../components/FormActions';
import { showFormError } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { useCreateExam, useExamTemplates } from './api';
import { SCRATCH, templateKey, TemplatePicker } from './TemplatePicker';
import type { ExamDetail } from './types';

export function NewExamModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (exam: ExamDetail) => void;
}) {
  const createExam = useCreateExam();
  const templates = useExamTemplates();
  const form = useForm({
    initialValues: { title: '', template: SCRATCH },
    validate: { title: (value) => (value.trim() ? null : 'Give the exam a title') },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    const template = templates.data?.find((item) => templateKey(item) === values.template);
    createExam.mutate(
      {
        title: values.title.trim(),
        ...(template ? { templateId: template.id, templateVersion: template.version } : {}),
      },
      {
        onSuccess: ({ exam }) => {
          notifySuccess(`“${exam.title}” created as a draft`);
          close();
          onCreated(exam);
        },
        onError: (error) => showFormError(form, error),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title="New exam" size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Title"
            placeholder="JEE Main Mock 7 — Full syllabus"
            data-autofocus
            {...form.getInputProps('title')}
          />
          <TemplatePicker
            value={form.values.template}
            onChange={(value) => form.setFieldValue('template', value)}
          />
          <FormActions submitLabel="Create exam" loading={createExam.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
