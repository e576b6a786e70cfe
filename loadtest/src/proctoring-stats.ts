// What a proctored run stored, read from the database afterwards: events per second, the evidence,
// the bytes written per candidate-hour, and whether everything the server acknowledged is there.
import pg from 'pg';
import type { CandidateLog } from './candidate.js';

const TABLES = ['proctor_events', 'proctor_evidence'] as const;

export type ProctoringStats = {
  eventsStored: number;
  /** Over the answering, and in the busiest second. */
  eventsPerSecond: { mean: number; peak: number };
  snapshotsStored: number;
  evidenceBytes: number;
  /** Growth of the two tables with their indexes over the run (nothing else writes them meanwhile). */
  databaseBytes: number;
  candidateHours: number;
  bytesPerCandidateHour: { evidence: number; database: number };
  lostAcknowledgedEvents: number;
  lostStoredEvidence: number;
};

/** The tables' sizes with indexes and TOAST, taken before the run to measure its growth. */
export async function proctoringTableBytes(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `select sum(pg_total_relation_size(t))::bigint as bytes from unnest($1::regclass[]) t`,
      [TABLES],
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

export async function measureProctoring(
  databaseUrl: string,
  examId: string,
  logs: CandidateLog[],
  window: { from: number; to: number; tableBytesBefore: number },
): Promise<ProctoringStats> {
  const tableBytesAfter = await proctoringTableBytes(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const events = await client.query<{ n: number; peak: number | null }>(
      `select count(*)::int as n,
              (select max(c)::int from (select count(*) as c from proctor_events
                 where exam_id = $1 group by date_trunc('second', received_at)) s) as peak
       from proctor_events where exam_id = $1`,
      [examId],
    );
    const evidence = await client.query<{ n: number; bytes: string | null }>(
      `select count(*)::int as n, sum(bytes)::bigint as bytes
       from proctor_evidence where exam_id = $1 and status = 'stored'`,
      [examId],
    );
    const hours = await client.query<{ hours: number | null }>(
      `select sum(extract(epoch from (coalesce(submitted_at, now()) - started_at)))::float8 / 3600 as hours
       from attempts where exam_id = $1 and started_at is not null`,
      [examId],
    );
    // An event is acknowledged when it opens and again when it closes: each pair checked once.
    const acked = logs.flatMap((log) =>
      [...new Set(log.proctoring.ackedEvents)].map((id) => [log.attemptId ?? '', id] as const),
    );
    const missingEvents = await client.query<{ n: number }>(
      `select count(*)::int as n from unnest($1::uuid[], $2::uuid[]) as a(attempt_id, id)
       where not exists (select 1 from proctor_events e where e.attempt_id = a.attempt_id and e.id = a.id)`,
      [acked.map(([a]) => a), acked.map(([, id]) => id)],
    );
    const stored = logs.flatMap((log) => log.proctoring.storedEvidence);
    const missingEvidence = await client.query<{ n: number }>(
      `select count(*)::int as n from unnest($1::uuid[]) as s(id)
       where not exists (select 1 from proctor_evidence e where e.id = s.id and e.status = 'stored')`,
      [stored],
    );
    const eventsStored = events.rows[0]?.n ?? 0;
    const evidenceBytes = Number(evidence.rows[0]?.bytes ?? 0);
    const databaseBytes = Math.max(0, tableBytesAfter - window.tableBytesBefore);
    const candidateHours = hours.rows[0]?.hours ?? 0;
    const perHour = (bytes: number) => (candidateHours > 0 ? Math.round(bytes / candidateHours) : 0);
    return {
      eventsStored,
      eventsPerSecond: {
        mean: Math.round((eventsStored / Math.max(1, (window.to - window.from) / 1000)) * 10) / 10,
        peak: events.rows[0]?.peak ?? 0,
      },
      snapshotsStored: evidence.rows[0]?.n ?? 0,
      evidenceBytes,
      databaseBytes,
      candidateHours: Math.round(candidateHours * 100) / 100,
      bytesPerCandidateHour: { evidence: perHour(evidenceBytes), database: perHour(databaseBytes) },
      lostAcknowledgedEvents: missingEvents.rows[0]?.n ?? 0,
      lostStoredEvidence: missingEvidence.rows[0]?.n ?? 0,
    };
  } finally {
    await client.end();
  }
}
