import { isApiError } from './api';
import { notifyError } from './notify';

/** The part of a Mantine form this needs, so it works for any form's values. */
interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
}

/** Error codes that belong to one form field rather than to the whole form (e.g. a taken email). */
export type CodeFieldMap = Partial<Record<string, string>>;

/**
 * Shows a failed submission where the user will look: under the offending fields when the server
 * named them (validation `fields`, or a code mapped to a field), otherwise as a notification.
 */
export function showFormError(form: FormWithErrors, error: unknown, codeFields: CodeFieldMap = {}): void {
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
