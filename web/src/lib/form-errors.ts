import type { UseFormReturnType } from '@mantine/form';
import { isApiError } from './api';
import { notifyError } from './notify';

/** Error codes that belong to one form field rather than to the whole form (e.g. a taken email). */
export type CodeFieldMap = Partial<Record<string, string>>;

/**
 * Shows a failed submission where the user will look: under the offending fields when the server
 * named them (validation `fields`, or a code mapped to a field), otherwise as a notification.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works for any form's values
export function showFormError(form: UseFormReturnType<any, any, any>, error: unknown, codeFields: CodeFieldMap = {}): void {
  if (isApiError(error)) {
    const fieldErrors: Record<string, string> = {};
    for (const field of error.fields) fieldErrors[field.path] = field.message;
    const codeField = codeFields[error.code];
    if (codeField) fieldErrors[codeField] = error.message;
    if (Object.keys(fieldErrors).length > 0) {
      form.setErrors(fieldErrors);
      return;
    }
  }
  notifyError(error);
}
