import { Grid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CreatePracticeForm } from './CreatePracticeForm';
import { PracticeTestList } from './PracticeTestList';

export function PracticePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('practice.title')} description={t('practice.pageDescription')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <CreatePracticeForm />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PracticeTestList />
        </Grid.Col>
      </Grid>
    </>
  );
}
