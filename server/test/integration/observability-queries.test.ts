import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQuestion, findTopic, loadSyllabus } from '../support/bank-fixtures.js';
import { repoRoot } from '../support/databases.js';
import { startPracticeOn } from '../support/exam-fixtures.js';
import { demo, demoStudent, DEMO_STUDENT_PASSWORD, signIn, useTestApp } from '../support/test-app.js';

const ctx = useTestApp();

/**
 * The exporters' metrics the dashboards and alerts use, with the exporter that exports each (the
 * Debian packages the cluster runs: prometheus-redis-exporter 1.45, -postgres-exporter,
 * -nginx-exporter, -node-exporter; names checked against their /metrics output). `up` is Prometheus's own.
 */
const EXPORTER_METRICS = new Set([
  'up', // Prometheus, per scrape target
  'redis_up', // redis exporter
  'redis_connected_clients',
  'redis_commands_processed_total',
  'redis_memory_used_bytes',
  'redis_sentinel_master_status', // redis exporter scraping a Sentinel through /scrape
  'pg_up', // postgres exporter
  'pg_stat_database_numbackends',
  'pg_stat_database_xact_commit',
  'pg_stat_database_deadlocks',
  'nginx_up', // nginx exporter (stub_status)
  'nginx_connections_active',
  'nginx_http_requests_total',
  'node_cpu_seconds_total', // node exporter
  'node_load1',
  'node_memory_MemAvailable_bytes',
  'node_memory_MemTotal_bytes',
]);

const AGGREGATIONS = 'sum|min|max|avg|group|stddev|stdvar|count|count_values|bottomk|topk|quantile';
const KEYWORDS = new Set([
  ...AGGREGATIONS.split('|'),
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'and',
  'or',
  'unless',
  'inf',
  'nan',
]);

/** The metric names a PromQL expression reads: not functions, keywords, labels, strings or durations. */
function extractMetricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""') // string literals
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // range and subquery selectors
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' '); // label lists
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const rest = stripped.slice(match.index + match[0].length);
    if (/^\s*\(/.test(rest) || KEYWORDS.has(match[0].toLowerCase())) continue; // a function or an operator
    names.add(match[0]);
  }
  return [...names];
}

function dashboardExprs(file: string): string[] {
  const dashboard = JSON.parse(readFileSync(path.join(repoRoot, 'deploy/grafana', file), 'utf8')) as {
    panels: { targets?: { expr?: string }[] }[];
  };
  return dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => (t.expr ? [t.expr] : [])));
}

/** The `expr:` values of the alert rules (block scalars included), without a YAML dependency. */
function ruleExprs(): string[] {
  const lines = readFileSync(path.join(repoRoot, 'deploy/prometheus/alerts.yml'), 'utf8').split('\n');
  const exprs: string[] = [];
  lines.forEach((line, i) => {
    const match = /^(\s*)expr:\s*(.*)$/.exec(line);
    if (!match) return;
    const [, indent = '', inline = ''] = match;
    if (inline !== '|' && inline !== '>') return void exprs.push(inline);
    const body: string[] = [];
    for (const next of lines.slice(i + 1)) {
      if (next.trim() !== '' && next.length - next.trimStart().length <= indent.length) break;
      body.push(next);
    }
    exprs.push(body.join('\n'));
  });
  return exprs;
}

/** Every series name /metrics can produce: histograms and summaries add their _bucket, _sum and _count. */
function exportedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name = '', type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
  }
  return names;
}

describe('the save path on /metrics', () => {
  it('counts a save, its batch and the paper cache, and shows the running attempt under its exam', async () => {
    const teacher = await signIn(ctx.app, demo.teacher);
    const topic = findTopic(await loadSyllabus(teacher), 'Chemistry', 2);
    for (let i = 0; i < 5; i++) await createQuestion(teacher, topic.topicId);
    const student = await signIn(ctx.app, { email: demoStudent(1).email, password: DEMO_STUDENT_PASSWORD });
    const deviceId = 'metrics-device';
    const { attemptId, questions } = await startPracticeOn(student, topic.chapterId, deviceId);
    const saved = await student.post(`/api/attempts/${attemptId}/answers`, {
      deviceId,
      saves: [
        {
          questionId: questions[0],
          answer: { type: 'mcq_single', optionIds: ['b'] },
          state: 'answered',
          seq: 1,
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const body = (await ctx.app.http.inject('/metrics')).body;
    expect(body).toMatch(/examtech_saves_total\{channel="http",outcome="saved"\} 1\b/);
    expect(body).toMatch(/examtech_save_ack_seconds_count\{channel="http"\} 1\b/);
    expect(body).toMatch(/examtech_group_commit_batch_size_count [1-9]/);
    expect(body).toMatch(/examtech_cache_requests_total\{cache="snapshots",result="(hit|miss)"\} [1-9]/);
    expect(body).toMatch(/examtech_active_candidates\{exam="[0-9a-f-]{36}"\} 1\b/);
  });
});

describe('dashboards and alert rules', () => {
  it('the extractor finds metric names and skips functions, keywords, labels and durations', () => {
    expect(
      extractMetricNames(
        'histogram_quantile(0.95, sum by (le, route) (rate(a_bucket{status=~"5..", x="b_c"}[5m]))) / on(x) group_left b_total > 0.5 and up == bool 0',
      ).sort(),
    ).toEqual(['a_bucket', 'b_total', 'up']);
  });

  it('query only metrics the app or a listed exporter exports', async () => {
    const exposition = (await ctx.app.http.inject('/metrics')).body;
    const exported = exportedNames(exposition);
    // The app's own names are read from a running app, not from a list that could drift.
    for (const name of [
      'examtech_save_ack_seconds_bucket',
      'examtech_saves_total',
      'examtech_group_commit_batch_size_bucket',
      'examtech_active_candidates',
      'examtech_cache_requests_total',
      'examtech_db_query_duration_seconds_bucket',
      'examtech_db_pool_wait_seconds_bucket',
      'nodejs_eventloop_lag_p99_seconds',
      'process_cpu_seconds_total',
    ])
      expect(exported).toContain(name);

    const sources = {
      'exam-day.json': dashboardExprs('exam-day.json'),
      'platform.json': dashboardExprs('platform.json'),
      'alerts.yml': ruleExprs(),
    };
    expect(sources['alerts.yml']).toHaveLength(5);
    const unknown: string[] = [];
    for (const [file, exprs] of Object.entries(sources)) {
      expect(exprs.length).toBeGreaterThan(0);
      for (const expr of exprs)
        for (const name of extractMetricNames(expr))
          if (!exported.has(name) && !EXPORTER_METRICS.has(name)) unknown.push(`${file}: ${name}`);
    }
    expect(unknown).toEqual([]);
  });

  // Debian's prometheus package ships promtool (.ci/run installs it).
  it('are valid rules that fire on what they name (promtool)', () => {
    expect(existsSync('/usr/bin/promtool')).toBe(true);
    const run = (args: string[]) =>
      execFileSync('/usr/bin/promtool', args, {
        cwd: path.join(repoRoot, 'deploy/prometheus'),
        encoding: 'utf8',
      });
    expect(run(['check', 'rules', 'alerts.yml'])).toContain('SUCCESS: 5 rules found');
    expect(run(['test', 'rules', 'alerts.test.yml'])).toContain('SUCCESS');
  });
});
