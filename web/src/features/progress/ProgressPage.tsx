import { Grid, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryContent } from '../../components/QueryContent';
import { useWeakAreas } from './api';
import { RecommendationsCard } from './RecommendationsCard';
import { TrendsSection } from './TrendsSection';
import { WeakAreasTree } from './WeakAreasTree';

/** The student's weak areas across exams, what to study next and their trends. */
export function ProgressPage() {
  const weakAreas = useWeakAreas();
  return (
    <>
      <PageHeader
        title="My progress"
        description="Mastery per subject, chapter and topic from every answer whose result is out."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="sm" component="section" aria-labelledby="weak-areas-title">
            <Title order={2} fz="h4" id="weak-areas-title">
              Weak areas
            </Title>
            <QueryContent
              query={weakAreas}
              isEmpty={(data) => data.subjects.length === 0}
              empty={
                <EmptyPanel
                  icon={<IconChartBar size={28} />}
                  title="Nothing to show yet"
                  description="Your mastery appears once a practice test or a mock result is out."
                />
              }
            >
              {(data) => (
                <>
                  <WeakAreasTree subjects={data.subjects} />
                  <Text size="xs" c="dimmed">
                    Recent answers count more (half as much after {data.halfLifeDays} days); a hard question
                    answered right counts more, a hard one missed counts less.
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
