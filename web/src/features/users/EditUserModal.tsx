import { Modal, MultiSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { showFormError } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import type { User } from '../../lib/types';
import { useBatchOptions } from '../batches/api';
import { useUpdateUser } from './api';
import { optionalText, validateName } from './validation';

interface Values {
  name: string;
  phone: string;
  rollNumber: string;
  batchIds: string[];
}

export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const isStudent = user.role === 'student';
  // Teachers and proctors work within batches too; an admin sees the whole institute.
  const hasBatches = isStudent || user.role === 'teacher' || user.role === 'proctor';
  const updateUser = useUpdateUser();
  const batchOptions = useBatchOptions();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      name: user.name,
      phone: user.phone ?? '',
      rollNumber: user.rollNumber ?? '',
      batchIds: user.batchIds,
    },
    validate: { name: validateName },
  });

  const submit = form.onSubmit((values) => {
    updateUser.mutate(
      {
        id: user.id,
        name: values.name.trim(),
        ...optionalText('phone', values.phone),
        ...(isStudent ? optionalText('rollNumber', values.rollNumber) : {}),
        ...(hasBatches ? { batchIds: values.batchIds } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(`${values.name.trim()} updated`);
          onClose();
        },
        onError: (error) => showFormError(form, error),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={`Edit ${user.name}`} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Full name" key={form.key('name')} {...form.getInputProps('name')} />
            <TextInput label="Email" value={user.email} disabled description="Email cannot be changed" />
            {isStudent && (
              <TextInput
                label="Roll number"
                key={form.key('rollNumber')}
                {...form.getInputProps('rollNumber')}
              />
            )}
            <TextInput label="Phone" type="tel" key={form.key('phone')} {...form.getInputProps('phone')} />
          </SimpleGrid>
          {hasBatches && (
            <MultiSelect
              label="Batches"
              description={isStudent ? undefined : t('forms.staffBatches.description')}
              data={batchOptions.options}
              searchable
              clearable
              key={form.key('batchIds')}
              {...form.getInputProps('batchIds')}
            />
          )}
          <FormActions submitLabel="Save changes" loading={updateUser.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
