import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import './i18n/devanagari-font';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { sessionKey } from './features/auth/session';
import { i18n } from './i18n';
import { isApiError } from './lib/api';
import { registerServiceWorker } from './service-worker/offline-cache';
import { theme } from './theme';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not fix itself by asking again; only retry transient failures.
    queries: {
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      staleTime: 30_000,
    },
  },
  queryCache: new QueryCache({
    // An expired or revoked session anywhere sends the user back to sign in.
    onError: (error) => {
      if (isApiError(error, 'AUTH_REQUIRED')) queryClient.setQueryData(sessionKey, null);
    },
  }),
});

// The offline mode (app shell and the exam room's last reads) exists only in a production build.
if (import.meta.env.PROD) registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      {/* Bottom corner: toasts must not cover the header's user menu. */}
      <Notifications position="bottom-right" />
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  </StrictMode>,
);
