import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { FormActions } from '../../components/FormActions';
import { showFormError } from '../../lib/form-errors';
import { notifySuccess } from '../../lib/notify';
import type { SyllabusKind } from '../../lib/types';
import { useCreateSyllabusNode, useUpdateSyllabusNode } from './api';

/** Adding a node under a parent, or renaming an existing one. */
export type NameRequest =
  | { mode: 'add'; kind: SyllabusKind; parentId?: string; parentName?: string }
  | { mode: 'rename'; kind: SyllabusKind; id: string; name: string };

const kindLabels: Record<SyllabusKind, string> = { subject: 'subject', chapter: 'chapter', topic: 'topic' };

export function SyllabusNameModal({
  request,
  onClose,
}: {
  request: NameRequest | null;
  onClose: () => void;
}) {
  const create = useCreateSyllabusNode();
  const update = useUpdateSyllabusNode();
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() ? null : 'Enter a name') },
  });
  const { setValues, resetDirty } = form;

  useEffect(() => {
    setValues({ name: request?.mode === 'rename' ? request.name : '' });
    resetDirty();
  }, [request, setValues, resetDirty]);

  if (!request) return <Modal opened={false} onClose={onClose} />;
  const kind = kindLabels[request.kind];
  const title =
    request.mode === 'rename'
      ? `Rename ${kind}`
      : `Add ${kind}${request.parentName ? ` to ${request.parentName}` : ''}`;

  const submit = form.onSubmit(({ name }) => {
    const options = {
      onSuccess: () => {
        notifySuccess(request.mode === 'rename' ? `Renamed to “${name.trim()}”` : `“${name.trim()}” added`);
        onClose();
      },
      onError: (error: unknown) => showFormError(form, error, { SYLLABUS_NAME_TAKEN: 'name' }),
    };
    if (request.mode === 'rename') update.mutate({ id: request.id, name: name.trim() }, options);
    else
      create.mutate(
        {
          kind: request.kind,
          name: name.trim(),
          ...(request.parentId ? { parentId: request.parentId } : {}),
        },
        options,
      );
  });

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={`Name of the ${kind}`} data-autofocus {...form.getInputProps('name')} />
          <FormActions
            submitLabel={request.mode === 'rename' ? 'Rename' : `Add ${kind}`}
            loading={create.isPending || update.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
