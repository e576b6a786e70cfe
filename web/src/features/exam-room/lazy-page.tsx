// The exam room (socket client, IndexedDB journal) loads only when a candidate opens an exam.
import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const ExamRoomPage = lazy(() =>
  import('./ExamRoomPage').then((module) => ({ default: module.ExamRoomPage })),
);

export function LazyExamRoomPage() {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center h="100dvh">
          <Loader aria-label={t('common.loading')} />
        </Center>
      }
    >
      <ExamRoomPage />
    </Suspense>
  );
}
