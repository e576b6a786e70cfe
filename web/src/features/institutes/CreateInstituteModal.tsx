import { Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TemporaryPasswordModal, type IssuedPassword } from '../../components/TemporaryPasswordModal';
import { FormActions } from '../../components/FormActions';
import { showFormError } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import { validateEmail, validateName } from '../users/validation';
import { useCreateInstitute, type NewInstitute } from './api';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

export function CreateInstituteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const createInstitute = useCreateInstitute();
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const form = useForm<NewInstitute>({
    mode: 'uncontrolled',
    initialValues: { name: '', slug: '', admin: { name: '', email: '' } },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter the institute name'),
      slug: (value) =>
        slugPattern.test(value) ? null : 'Lowercase letters, digits and single hyphens, e.g. sharma-classes',
      admin: { name: validateName, email: validateEmail },
    },
    // Suggest a slug from the name until the operator types one of their own: the slug follows the
    // name while it is still the suggestion for the name before (state the form holds, not a ref).
    onValuesChange: (values, previous) => {
      if (values.name !== previous.name && previous.slug === slugify(previous.name))
        form.setFieldValue('slug', slugify(values.name));
    },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    createInstitute.mutate(
      {
        name: values.name.trim(),
        slug: values.slug,
        admin: { name: values.admin.name.trim(), email: values.admin.email.trim() },
      },
      {
        onSuccess: ({ institute, admin, temporaryPassword }) => {
          notifySuccess(`${institute.name} is ready`, 'Institute created');
          close();
          setIssued({ name: admin.name, email: admin.email, temporaryPassword });
        },
        onError: (error) =>
          showFormError(form, error, { INSTITUTE_SLUG_TAKEN: 'slug', USER_EMAIL_TAKEN: 'admin.email' }),
      },
    );
  });

  return (
    <>
      <TemporaryPasswordModal
        issued={issued}
        title="Institute admin's sign-in"
        onClose={() => setIssued(null)}
      />
      <Modal opened={opened} onClose={close} title="Create institute" centered size="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label="Institute name"
              // An example as a placeholder reads as a value already filled in (and turns red with an error).
              description={t('forms.institute.nameExample')}
              data-autofocus
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <TextInput
              label="Short name (slug)"
              description="Used in links and reports; cannot be changed later"
              key={form.key('slug')}
              {...form.getInputProps('slug')}
            />
            <Divider label="First administrator" labelPosition="left" />
            <Text size="sm" c="dimmed" mt={-8}>
              They will receive a temporary password and manage batches, staff and students.
            </Text>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label="Admin name"
                miw={200}
                key={form.key('admin.name')}
                {...form.getInputProps('admin.name')}
              />
              <TextInput
                label="Admin email"
                type="email"
                miw={200}
                key={form.key('admin.email')}
                {...form.getInputProps('admin.email')}
              />
            </Group>
            <FormActions
              submitLabel="Create institute"
              loading={createInstitute.isPending}
              onCancel={close}
            />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
