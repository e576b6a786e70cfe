// The exam settings form lives on the builder page, not in its tab: Publish must know whether
// the settings have unsaved or invalid changes (it refuses then), and leaving the Settings tab
// must not throw the changes away.
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { FormEvent } from 'react';
import { i18n } from '../../../i18n';
import { showFormError } from '../../../lib/form-errors';
import { notifySuccess } from '../../../lib/notify';
import { useSaveSettings } from '../api';
import type { ExamDetail, ExamSettings } from '../types';

export interface ExamSettingsEditor {
  form: UseFormReturnType<ExamSettings>;
  isSaving: boolean;
  /** Changed since the last save (or since the page opened). */
  isDirty: boolean;
  /** The current values would not pass the form's own validation. */
  isInvalid: boolean;
  submit: (event?: FormEvent<HTMLFormElement>) => void;
  /** Back to the settings as last saved. */
  discard: () => void;
}

/** Violation thresholds: 0 means never (the core's rule), else submitting comes no earlier than warning. */
export function checkSubmitAfter(submitAfter: number, warnAfter: number): string | null {
  return submitAfter === 0 || warnAfter === 0 || submitAfter >= warnAfter
    ? null
    : i18n.t('builder.settings.submitBelowWarn');
}

export function useExamSettingsForm(exam: ExamDetail): ExamSettingsEditor {
  const save = useSaveSettings(exam.id);
  const form = useForm<ExamSettings>({
    initialValues: exam.settings,
    validate: {
      languages: (value) => (value.length > 0 ? null : 'Offer at least one language'),
      resultRelease: (value) =>
        value.mode === 'scheduled' && !value.at ? 'Choose when results are released' : null,
      proctoring: {
        submitAfterViolations: (value, values) =>
          checkSubmitAfter(value, values.proctoring.warnAfterViolations),
      },
    },
  });
  const submit = form.onSubmit((settings) =>
    save.mutate(settings, {
      onSuccess: ({ exam: saved }) => {
        form.setInitialValues(saved.settings);
        form.setValues(saved.settings);
        form.resetDirty(saved.settings);
        notifySuccess('Exam settings saved');
      },
      onError: (error) => showFormError(form, error),
    }),
  );
  return {
    form,
    isSaving: save.isPending,
    isDirty: form.isDirty(),
    isInvalid: !form.isValid(),
    submit,
    discard: () => form.reset(),
  };
}
