import { Route, Routes } from 'react-router';
import { NotFoundPage } from './components/NotFoundPage';
import { AccountPage } from './features/account/AccountPage';
import { LoginRoute, RequireRole, RequireSession } from './features/auth/guards';
import { BatchDetailPage } from './features/batches/BatchDetailPage';
import { BatchesPage } from './features/batches/BatchesPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { LazyExamRoomPage } from './features/exam-room/lazy-page';
import {
  ExamBuilderPage,
  ExamPreviewPage,
  ExamsPage,
  LazyPage,
  PracticePage,
  ResultsPage,
} from './features/exams/lazy-pages';
import { ResultPage } from './features/analysis/ResultPage';
import { InstituteSettingsPage } from './features/institutes/InstituteSettingsPage';
import { ProvisionalKeyPage } from './features/key-challenges/ProvisionalKeyPage';
import { InstitutesPage } from './features/institutes/InstitutesPage';
import { LeaderboardPage } from './features/leaderboards/LeaderboardPage';
import { ProgressPage } from './features/progress/ProgressPage';
import { ProctoredExamsPage, ProctorRoomPage, ProctorReviewPage } from './features/proctoring/lazy-pages';
import {
  QuestionBankPage,
  QuestionEditorPage,
  QuestionImportPage,
  QuestionViewPage,
  SyllabusPage,
} from './features/question-bank/lazy-pages';
import { ImportStudentsPage } from './features/student-import/ImportStudentsPage';
import { StaffPage } from './features/users/StaffPage';
import { StudentsPage } from './features/users/StudentsPage';
import { useSession } from './features/auth/session';
import { useAccountLanguage } from './i18n/ui-language';
import type { Role } from './lib/types';

const admin: Role[] = ['institute_admin'];
const instituteStaff: Role[] = ['institute_admin', 'teacher', 'proctor'];
const operator: Role[] = ['platform_operator'];
const examAuthors: Role[] = ['institute_admin', 'teacher'];
const student: Role[] = ['student'];

export function App() {
  useAccountLanguage(useSession().data);
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      {/* Full screen, outside the app shell; the page checks the session itself. */}
      <Route path="/exam/:examId" element={<LazyExamRoomPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<DashboardPage />} />
        <Route
          path="batches"
          element={
            <RequireRole roles={instituteStaff}>
              <BatchesPage />
            </RequireRole>
          }
        />
        <Route
          path="batches/:batchId"
          element={
            <RequireRole roles={instituteStaff}>
              <BatchDetailPage />
            </RequireRole>
          }
        />
        <Route
          path="staff"
          element={
            <RequireRole roles={admin}>
              <StaffPage />
            </RequireRole>
          }
        />
        <Route
          path="students"
          element={
            <RequireRole roles={instituteStaff}>
              <StudentsPage />
            </RequireRole>
          }
        />
        <Route
          path="students/import"
          element={
            <RequireRole roles={admin}>
              <ImportStudentsPage />
            </RequireRole>
          }
        />
        <Route
          path="institutes"
          element={
            <RequireRole roles={operator}>
              <InstitutesPage />
            </RequireRole>
          }
        />
        {(
          [
            ['exams', <ExamsPage key="exams" />],
            ['exams/:examId', <ExamBuilderPage key="builder" />],
            ['exams/:examId/preview', <ExamPreviewPage key="preview" />],
            ['exams/:examId/results', <ResultsPage key="results" />],
          ] as const
        ).map(([path, page]) => (
          <Route
            key={path}
            path={path}
            element={
              <RequireRole roles={examAuthors}>
                <LazyPage>{page}</LazyPage>
              </RequireRole>
            }
          />
        ))}
        {(
          [
            ['questions', <QuestionBankPage key="bank" />],
            ['questions/new', <QuestionEditorPage key="new" />],
            ['questions/import', <QuestionImportPage key="import" />],
            ['questions/:questionId', <QuestionViewPage key="view" />],
            ['questions/:questionId/edit', <QuestionEditorPage key="edit" />],
            ['syllabus', <SyllabusPage key="syllabus" />],
          ] as const
        ).map(([path, page]) => (
          <Route
            key={path}
            path={path}
            element={
              <RequireRole roles={examAuthors}>
                <LazyPage>{page}</LazyPage>
              </RequireRole>
            }
          />
        ))}
        {(
          [
            ['proctoring', <ProctoredExamsPage key="exams" />],
            ['proctoring/:examId', <ProctorRoomPage key="room" />],
            ['proctoring/:examId/review/:attemptId', <ProctorReviewPage key="review" />],
          ] as const
        ).map(([path, page]) => (
          <Route
            key={path}
            path={path}
            element={
              <RequireRole roles={instituteStaff}>
                <LazyPage>{page}</LazyPage>
              </RequireRole>
            }
          />
        ))}
        <Route
          path="practice"
          element={
            <RequireRole roles={student}>
              <LazyPage>
                <PracticePage />
              </LazyPage>
            </RequireRole>
          }
        />
        <Route
          path="results/:attemptId"
          element={
            <RequireRole roles={student}>
              <ResultPage />
            </RequireRole>
          }
        />
        <Route
          path="exams/:examId/answer-key"
          element={
            <RequireRole roles={student}>
              <ProvisionalKeyPage />
            </RequireRole>
          }
        />
        <Route
          path="progress"
          element={
            <RequireRole roles={student}>
              <ProgressPage />
            </RequireRole>
          }
        />
        <Route
          path="leaderboard"
          element={
            <RequireRole roles={[...student, ...instituteStaff]}>
              <LeaderboardPage />
            </RequireRole>
          }
        />
        <Route
          path="settings"
          element={
            <RequireRole roles={admin}>
              <InstituteSettingsPage />
            </RequireRole>
          }
        />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
