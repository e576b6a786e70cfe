import { notifications } from '@mantine/notifications';
import { translateError } from '../i18n/errors';
import { i18n } from '../i18n';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message });
}

export function notifyError(error: unknown, title: string = i18n.t('common.somethingWentWrong')): void {
  notifications.show({ color: 'red', title, message: errorMessage(error) });
}

/** The message for a failed request, in the interface language (see i18n/errors.ts). */
export function errorMessage(error: unknown): string {
  return translateError(error);
}
