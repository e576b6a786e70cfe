import 'i18next';
import type { resources } from './index';

// Typed keys: t('examRoom.actions.next') is checked against the English catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
    returnNull: false;
  }
}
