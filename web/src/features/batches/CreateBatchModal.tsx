import { Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormActions } from '../../components/FormActions';
import { showFormError } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import type { Batch } from '../../lib/types';
import { useCreateBatch, type NewBatch } from './api';

const codePattern = /^[A-Za-z0-9_-]{2,32}$/;

export function CreateBatchModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated?: (batch: Batch) => void;
}) {
  const createBatch = useCreateBatch();
  const form = useForm<Required<NewBatch>>({
    mode: 'uncontrolled',
    initialValues: { name: '', code: '', description: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Give the batch a name'),
      code: (value) =>
        codePattern.test(value.trim()) ? null : '2–32 letters, digits, - or _ (for example JEE-2027-A)',
    },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    const description = values.description.trim();
    createBatch.mutate(
      { name: values.name.trim(), code: values.code.trim(), ...(description ? { description } : {}) },
      {
        onSuccess: ({ batch }) => {
          notifySuccess(`Batch “${batch.name}” created`);
          close();
          onCreated?.(batch);
        },
        onError: (error) => showFormError(form, error, { BATCH_CODE_TAKEN: 'code' }),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title="Create batch" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Batch name"
            placeholder="JEE 2027 — Morning"
            data-autofocus
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Batch code"
            description="Short unique code used in imports and reports"
            placeholder="JEE27-M"
            key={form.key('code')}
            {...form.getInputProps('code')}
          />
          <Textarea
            label="Description"
            placeholder="Optional"
            autosize
            minRows={2}
            key={form.key('description')}
            {...form.getInputProps('description')}
          />
          <FormActions submitLabel="Create batch" loading={createBatch.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
