import { Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TemporaryPasswordModal, type IssuedPassword } from '../../components/TemporaryPasswordModal';
import { FormActions } from '../../components/FormActions';
import { showFormError } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { roleLabels } from '../../lib/roles';
import type { StaffRole } from '../../lib/types';
import { useBatchOptions } from '../batches/api';
import { useCreateUser } from './api';
import { optionalText, validateEmail, validateName } from './validation';

interface Values {
  name: string;
  email: string;
  role: StaffRole | 'student';
  phone: string;
  rollNumber: string;
  batchIds: string[];
}

const staffRoles: StaffRole[] = ['teacher', 'proctor', 'institute_admin'];

/** Who works within batches: students, and teachers and proctors (an admin sees the whole institute). */
const hasBatches = (role: Values['role']) => role !== 'institute_admin';

interface CreateUserModalProps {
  kind: 'student' | 'staff';
  opened: boolean;
  onClose: () => void;
  /** Pre-selected batches, e.g. when adding a student from a batch's page. */
  batchIds?: string[];
}

/** Adds a user, then shows the generated password once. */
export function CreateUserModal({ kind, opened, onClose, batchIds = [] }: CreateUserModalProps) {
  const { t } = useTranslation();
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const isStudent = kind === 'student';
  const initialRole: Values['role'] = isStudent ? 'student' : 'teacher';
  // The form is uncontrolled: the role is mirrored here so the batches field follows it.
  const [role, setRole] = useState<Values['role']>(initialRole);
  const createUser = useCreateUser();
  const batchOptions = useBatchOptions();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      name: '',
      email: '',
      role: initialRole,
      phone: '',
      rollNumber: '',
      batchIds,
    },
    validate: { name: validateName, email: validateEmail },
    onValuesChange: (values) => setRole(values.role),
  });

  const close = () => {
    form.reset();
    setRole(initialRole);
    onClose();
  };

  const submit = form.onSubmit((values) => {
    createUser.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        role: values.role,
        ...optionalText('phone', values.phone),
        ...(isStudent ? optionalText('rollNumber', values.rollNumber) : {}),
        ...(hasBatches(values.role) ? { batchIds: values.batchIds } : {}),
      },
      {
        onSuccess: ({ user, temporaryPassword }) => {
          notifySuccess(`${user.name} can now sign in`, isStudent ? 'Student added' : 'Staff member added');
          close();
          setIssued({ name: user.name, email: user.email, temporaryPassword });
        },
        onError: (error) =>
          showFormError(form, error, { USER_EMAIL_TAKEN: 'email', USER_EMAIL_UNAVAILABLE: 'email' }),
      },
    );
  });

  return (
    <>
      <TemporaryPasswordModal
        issued={issued}
        title={isStudent ? 'Student added' : 'Staff member added'}
        onClose={() => setIssued(null)}
      />
      <Modal
        opened={opened}
        onClose={close}
        title={isStudent ? 'Add student' : 'Add staff member'}
        centered
        size="lg"
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Full name"
                data-autofocus
                key={form.key('name')}
                {...form.getInputProps('name')}
              />
              <TextInput
                label="Email"
                type="email"
                key={form.key('email')}
                {...form.getInputProps('email')}
              />
              {isStudent ? (
                <TextInput
                  label="Roll number"
                  placeholder="Optional"
                  key={form.key('rollNumber')}
                  {...form.getInputProps('rollNumber')}
                />
              ) : (
                <Select
                  label="Role"
                  allowDeselect={false}
                  data={staffRoles.map((role) => ({ value: role, label: roleLabels[role] }))}
                  key={form.key('role')}
                  {...form.getInputProps('role')}
                />
              )}
              <TextInput
                label="Phone"
                type="tel"
                placeholder="Optional"
                key={form.key('phone')}
                {...form.getInputProps('phone')}
              />
            </SimpleGrid>
            {hasBatches(role) && (
              <MultiSelect
                label="Batches"
                description={isStudent ? undefined : t('forms.staffBatches.description')}
                placeholder={batchOptions.options.length ? 'Pick one or more' : 'No batches yet'}
                data={batchOptions.options}
                searchable
                clearable
                key={form.key('batchIds')}
                {...form.getInputProps('batchIds')}
              />
            )}
            <FormActions
              submitLabel={isStudent ? 'Add student' : 'Add staff member'}
              loading={createUser.isPending}
              onCancel={close}
            />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
