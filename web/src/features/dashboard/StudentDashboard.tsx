import { Grid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { UpcomingExamsCard } from '../exams/UpcomingExamsCard';
import { PracticeShortcutCard } from '../practice/PracticeShortcutCard';
import { RecommendationsCard } from '../progress/RecommendationsCard';
import { TrendSummaryCard } from '../progress/TrendSummaryCard';
import { LeaderboardPositionCard } from '../leaderboards/LeaderboardPositionCard';
import { NoticesSummaryCard } from './NoticesSummaryCard';
import { PastExamsCard } from './PastExamsCard';
import { PracticeHistoryCard } from './PracticeHistoryCard';
import { WeakAreasSummaryCard } from './WeakAreasSummaryCard';

/**
 * The student's dashboard, built around results (issue 11): what is next (upcoming exams with
 * countdown and registration), how it went (past exams with release state, rank and percentile;
 * practice history), and what to do about it (weakest topics, recommended practice). One column
 * on a phone; two on a desktop, the wide one for exams.
 */
export function StudentDashboard({ profile, batches }: { profile: ReactNode; batches: ReactNode }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          <NoticesSummaryCard />
          <UpcomingExamsCard />
          <PastExamsCard />
          <PracticeHistoryCard />
          {batches}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">
          <TrendSummaryCard />
          <LeaderboardPositionCard />
          <WeakAreasSummaryCard />
          <RecommendationsCard />
          <PracticeShortcutCard />
          {profile}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
