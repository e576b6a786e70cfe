import { Grid } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { CreatePracticeForm } from './CreatePracticeForm';
import { PracticeTestList } from './PracticeTestList';

export function PracticePage() {
  return (
    <>
      <PageHeader title="Practice" description="Build your own tests from your institute's question bank." />
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
