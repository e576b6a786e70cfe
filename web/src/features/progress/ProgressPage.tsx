import { Grid, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { useWeakAreas } from './api';
import { RecommendationsCard } from './RecommendationsCard';
import { TrendsSection } from './TrendsSection';
import { WeakAreasTree } from './WeakAreasTree';

/** The student's weak areas across exams, what to study next and their trends. */
export function ProgressPage() {
  const { t } = useTranslation();
  const weakAreas = useWeakAreas();
  return (
    <>
      <PageHeader title={t('progress.title')} description={t('progress.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="sm" component="section" aria-labelledby="weak-areas-title">
            <Title order={2} fz="h4" id="weak-areas-title">
              {t('progress.weakAreas')}
            </Title>
            <QueryContent
              query={weakAreas}
              isEmpty={(data) => data.subjects.length === 0}
              empty={
                <EmptyPanel
                  icon={<IconChartBar size={28} />}
                  title={t('progress.emptyTitle')}
                  description={t('progress.emptyText')}
                />
              }
            >
              {(data) => (
                <>
                  <WeakAreasTree subjects={data.subjects} />
                  <Text size="xs" c="dimmed">
                    {t('progress.weighting', { days: data.halfLifeDays })}
                  </Text>
                </>
              )}
            </QueryContent>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <RecommendationsCard />
        </Grid.Col>
        <Grid.Col span={12} order={3}>
          <TrendsSection />
        </Grid.Col>
      </Grid>
    </>
  );
}
