// The services of the scaled topology (docs/OPERATIONS.md, "One machine, the whole topology"),
// each started from the Debian binaries on loopback ports under one state folder: PostgreSQL with
// streaming replicas, Redis with a replica and Sentinels, the S3-compatible store, nginx with TLS,
// and Prometheus with its exporters. Each `start*` returns the processes `down` must stop.
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  isPortOpen,
  log,
  makePostgresDir,
  postgresIds,
  readPidFile,
  run,
  runAsPostgres,
  startDaemon,
  waitFor,
} from './lib.mjs';

export function findPgBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (existsSync(path.join(base, v, 'bin', 'initdb'))) return path.join(base, v, 'bin');
  return null;
}

const pgReady = (pgBin, port) => async () => {
  try {
    runAsPostgres(path.join(pgBin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']);
    return true;
  } catch {
    return false;
  }
};

const psql = (pgBin, port, sql, database = 'postgres') =>
  runAsPostgres(path.join(pgBin, 'psql'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    database,
    '-Atqc',
    sql,
  ]).trim();

export function pgCtl(pgBin, dataDir, logFile, port) {
  runAsPostgres(path.join(pgBin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    logFile,
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${path.dirname(dataDir)}`,
    'start',
  ]);
}

/**
 * A primary with WAL archiving, and `replicas` standbys cloned by `pg_basebackup -R` onto
 * replication slots (so the primary keeps the WAL a lagging standby still needs).
 */
export async function startPostgres({ stateDir, pgBin, ports, replicas, database, tls }) {
  const root = path.join(stateDir, 'postgres');
  makePostgresDir(root, 0o755);
  const primaryDir = path.join(root, 'primary');
  const archiveDir = path.join(root, 'wal-archive');
  makePostgresDir(primaryDir);
  makePostgresDir(archiveDir);
  const ssl = postgresTlsFiles(root, tls);
  runAsPostgres(path.join(pgBin, 'initdb'), [
    '-D',
    primaryDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
  ]);
  writeFileSync(
    path.join(primaryDir, 'postgresql.auto.conf'),
    [
      "listen_addresses = '127.0.0.1'",
      'max_connections = 300',
      'wal_level = replica',
      'max_wal_senders = 10',
      'max_replication_slots = 10',
      'hot_standby = on',
      'hot_standby_feedback = on',
      'archive_mode = on',
      // The archive keeps every segment: the base backup plus these restore to any moment since.
      `archive_command = 'test ! -f ${archiveDir}/%f && cp %p ${archiveDir}/%f'`,
      'archive_timeout = 60',
      // TLS required over TCP (pg_hba below): the app connects with sslmode=verify-full.
      'ssl = on',
      `ssl_cert_file = '${ssl.cert}'`,
      `ssl_key_file = '${ssl.key}'`,
      '',
    ].join('\n'),
  );
  // Only TLS over TCP, for clients and replication alike; the Unix socket (operators' psql) stays
  // open. The standbys get this file with their base backup.
  writeFileSync(
    path.join(primaryDir, 'pg_hba.conf'),
    [
      'local all all trust',
      'local replication all trust',
      'hostssl all all 127.0.0.1/32 trust',
      'hostssl replication all 127.0.0.1/32 trust',
      '',
    ].join('\n'),
  );
  const primaryLog = path.join(root, 'primary.log');
  pgCtl(pgBin, primaryDir, primaryLog, ports.postgres);
  await waitFor('the PostgreSQL primary', pgReady(pgBin, ports.postgres));
  psql(pgBin, ports.postgres, `create database ${database}`);
  const processes = [
    {
      name: 'postgres-primary',
      kind: 'postgres',
      dataDir: primaryDir,
      port: ports.postgres,
      log: primaryLog,
    },
  ];
  for (let i = 1; i <= replicas; i++) {
    const slot = `replica${i}`;
    psql(pgBin, ports.postgres, `select pg_create_physical_replication_slot('${slot}')`);
    const dir = path.join(root, slot);
    makePostgresDir(dir);
    runAsPostgres(path.join(pgBin, 'pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(ports.postgres),
      '-U',
      'postgres',
      '-D',
      dir,
      '-R',
      '-S',
      slot,
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    const port = ports.postgres + i;
    const replicaLog = path.join(root, `${slot}.log`);
    pgCtl(pgBin, dir, replicaLog, port);
    await waitFor(`PostgreSQL ${slot}`, pgReady(pgBin, port));
    processes.push({ name: `postgres-${slot}`, kind: 'postgres', dataDir: dir, port, log: replicaLog });
  }
  log(`PostgreSQL primary on ${ports.postgres}, ${replicas} streaming replica(s) on ${ports.postgres + 1}+`);
  return processes;
}

/** PostgreSQL refuses a key that others can read: its own copy, owned by the server's user. */
function postgresTlsFiles(root, tls) {
  const dir = path.join(root, 'tls');
  makePostgresDir(dir);
  const cert = path.join(dir, 'server.crt');
  const key = path.join(dir, 'server.key');
  copyFileSync(tls.cert, cert);
  copyFileSync(tls.key, key);
  chmodSync(key, 0o600);
  const ids = postgresIds();
  if (ids) for (const file of [cert, key]) chownSync(file, ids.uid, ids.gid);
  return { cert, key };
}

export function stopPostgres(pgBin, proc) {
  if (!existsSync(path.join(proc.dataDir, 'postmaster.pid'))) return;
  runAsPostgres(path.join(pgBin, 'pg_ctl'), ['-D', proc.dataDir, '-m', 'fast', '-w', 'stop']);
}

function redisDaemon(dir, name, port, extra) {
  mkdirSync(dir, { recursive: true });
  const pidfile = path.join(dir, `${name}.pid`);
  const logfile = path.join(dir, `${name}.log`);
  const args = [
    ...extra.config,
    // TLS only (no plain port), replication and Sentinel's links to the data nodes included.
    '--port',
    '0',
    '--tls-port',
    String(port),
    '--tls-cert-file',
    extra.tls.cert,
    '--tls-key-file',
    extra.tls.key,
    '--tls-ca-cert-file',
    extra.tls.cert,
    '--tls-auth-clients',
    'no',
    '--tls-replication',
    'yes',
    '--bind',
    '127.0.0.1',
    '--daemonize',
    'yes',
    '--pidfile',
    pidfile,
    '--logfile',
    logfile,
    '--dir',
    dir,
    ...extra.args,
  ];
  run('redis-server', args);
  // `start` is how `npm run cluster -- start <name>` brings it back after a drill.
  return {
    name,
    kind: 'pidfile',
    pidfile,
    port,
    log: logfile,
    start: { how: 'run', cmd: 'redis-server', args },
  };
}

/**
 * A Redis primary, one replica and three Sentinels watching them (quorum 2). Nothing durable lives
 * in Redis (sessions can be signed into again), so it keeps no snapshot on disk.
 */
export async function startRedis({ stateDir, ports, sentinelName, tls }) {
  const dir = path.join(stateDir, 'redis');
  const plain = ['--save', '', '--appendonly', 'no'];
  const processes = [
    redisDaemon(dir, 'redis-primary', ports.redis, { config: [], args: plain, tls }),
    redisDaemon(dir, 'redis-replica', ports.redis + 1, {
      config: [],
      tls,
      args: [...plain, '--replicaof', '127.0.0.1', String(ports.redis)],
    }),
  ];
  for (const p of processes) await waitFor(p.name, () => isPortOpen(p.port));
  for (let i = 0; i < 3; i++) {
    const port = ports.sentinel + i;
    const conf = path.join(dir, `sentinel-${i + 1}.conf`);
    // Sentinel rewrites its configuration file as it learns the topology: one writable file each.
    writeFileSync(
      conf,
      [
        `sentinel monitor ${sentinelName} 127.0.0.1 ${ports.redis} 2`,
        `sentinel down-after-milliseconds ${sentinelName} 2000`,
        `sentinel failover-timeout ${sentinelName} 10000`,
        `sentinel parallel-syncs ${sentinelName} 1`,
        '',
      ].join('\n'),
    );
    processes.push(
      redisDaemon(dir, `redis-sentinel-${i + 1}`, port, { config: [conf, '--sentinel'], args: [], tls }),
    );
  }
  for (const p of processes.slice(2)) await waitFor(p.name, () => isPortOpen(p.port));
  log(
    `Redis primary on ${ports.redis}, replica on ${ports.redis + 1}, Sentinels on ${ports.sentinel}-${ports.sentinel + 2}`,
  );
  return processes;
}

/** The S3-compatible store (s3rver, path-style addressing) with the files bucket created. */
export async function startS3({ stateDir, ports, bucket, root }) {
  const dir = path.join(stateDir, 's3');
  mkdirSync(dir, { recursive: true });
  const bin = path.join(root, 'node_modules', 's3rver', 'bin', 's3rver.js');
  if (!existsSync(bin)) {
    log('s3rver is not installed (npm ci installs it): files stay on each instance’s disk');
    return [];
  }
  const logFile = path.join(dir, 's3rver.log');
  const pid = startDaemon(
    process.execPath,
    [
      bin,
      '--address',
      '127.0.0.1',
      '--port',
      String(ports.s3),
      '--directory',
      path.join(dir, 'data'),
      '--configure-bucket',
      bucket,
      // CORS for presigned browser uploads (question images PUT straight to the bucket).
      path.join(root, 'deploy', 's3', 'cors.xml'),
      '--silent',
    ],
    { logFile },
  );
  await waitFor('the S3-compatible store', () => isPortOpen(ports.s3));
  log(`S3-compatible store on ${ports.s3} (bucket ${bucket})`);
  return [{ name: 's3', kind: 'pid', pid, port: ports.s3, log: logFile }];
}

/**
 * The cluster's one self-signed certificate for localhost and 127.0.0.1, made here with openssl
 * (nothing downloaded): nginx, PostgreSQL and Redis present it, and clients trust it as their CA.
 */
export function makeCertificate(stateDir) {
  const dir = path.join(stateDir, 'tls');
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '30',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { cert, key };
}

export function nginxConfig({ dir, ports, upstreams, webDist, cert, key }) {
  const hsts = 'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;';
  const proxied = [
    'proxy_http_version 1.1;',
    'proxy_set_header Host $host;',
    'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_set_header X-Forwarded-Proto https;',
    'proxy_set_header X-Forwarded-Host $host:$server_port;',
    // The request id of the log line in nginx's log is the one the app logs and answers with.
    'proxy_set_header X-Request-Id $req_id;',
  ];
  return `# Generated by scripts/cluster/services.mjs: the front door of the local cluster.
# Each candidate's socket is two descriptors here (client and upstream), 40,000 at a 20,000-socket peak:
# four workers, with reuseport to share connections evenly, stay under a 20,000 per-process limit
# where the limit cannot be raised (this VM); worker_rlimit_nofile raises it where it can.
worker_processes 4;
worker_rlimit_nofile 100000;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 50000; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  map $http_x_request_id $req_id { default $http_x_request_id; "" $request_id; }
  log_format main '$remote_addr [$time_local] "$request" $status $body_bytes_sent $request_time $upstream_addr req_id=$req_id';
  access_log ${dir}/access.log main;
  client_max_body_size 60m;
  gzip on;
  gzip_types text/css application/javascript application/json image/svg+xml application/manifest+json application/wasm;
  map $http_upgrade $connection_upgrade { default upgrade; "" close; }

  # Least-connected: a socket is a long connection, so counting connections spreads candidates.
  # Passive health: an instance that fails twice in 5 s is left out for 5 s.
  upstream examtech {
    least_conn;
${upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=2 fail_timeout=5s;`).join('\n')}
    keepalive 64;
  }

  server {
    listen 127.0.0.1:${ports.http};
    return 301 https://$host:${ports.https}$request_uri;
  }

  server {
    listen 127.0.0.1:${ports.https} ssl http2 reuseport;
    ssl_certificate ${cert};
    ssl_certificate_key ${key};
    ssl_protocols TLSv1.2 TLSv1.3;
    ${hsts}

    # The web app's content-hashed files: a new build has new names, so they never change.
    location /assets/ {
      root ${webDist};
      ${hsts}
      add_header Cache-Control "public, max-age=31536000, immutable";
      try_files $uri =404;
    }

    # Socket.IO over WebSocket only: any instance takes any socket, no sticky sessions.
    location /socket.io/ {
      proxy_pass http://examtech;
      ${proxied.join('\n      ')}
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
    }

    location / {
      proxy_pass http://examtech;
      ${proxied.join('\n      ')}
      proxy_set_header Connection "";
      # A request that never reached an instance is tried on another; one that did is not repeated.
      proxy_next_upstream error timeout http_502 http_503;
    }
  }

  # nginx's own counters for the Prometheus exporter, on loopback only.
  server {
    listen 127.0.0.1:${ports.nginxStatus};
    location = /stub_status { stub_status; }
  }
}
`;
}

export async function startNginx({ stateDir, ports, upstreams, webDist, tls }) {
  const dir = path.join(stateDir, 'nginx');
  for (const sub of ['tmp/body', 'tmp/proxy', 'tmp/fastcgi', 'tmp/uwsgi', 'tmp/scgi'])
    mkdirSync(path.join(dir, sub), { recursive: true });
  const { cert, key } = tls;
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ dir, ports, upstreams, webDist, cert, key }));
  // As root, the workers stay root so that they can read the checkout's web/dist (loopback only).
  const userLine = process.getuid?.() === 0 ? ['-g', 'user root;'] : [];
  run('nginx', ['-t', '-q', '-p', dir, '-c', conf, ...userLine]);
  const args = ['-p', dir, '-c', conf, ...userLine];
  run('nginx', args);
  await waitFor('nginx', () => isPortOpen(ports.https));
  log(`nginx on https://localhost:${ports.https} (http ${ports.http} redirects)`);
  return [
    {
      name: 'nginx',
      kind: 'pidfile',
      pidfile: path.join(dir, 'nginx.pid'),
      port: ports.https,
      log: path.join(dir, 'error.log'),
      cert,
      start: { how: 'run', cmd: 'nginx', args },
    },
  ];
}

/** Prometheus scraping every instance and the exporters, when the Debian packages are there. */
export async function startMonitoring({ stateDir, ports, instances, metricsToken, database, root, tls }) {
  const dir = path.join(stateDir, 'prometheus');
  mkdirSync(dir, { recursive: true });
  const processes = [];
  const exporters = [
    {
      name: 'postgres-exporter',
      bin: '/usr/bin/prometheus-postgres-exporter',
      port: ports.postgresExporter,
      args: [`--web.listen-address=127.0.0.1:${ports.postgresExporter}`],
      env: {
        DATA_SOURCE_NAME: `postgresql://postgres@127.0.0.1:${ports.postgres}/${database}?sslmode=verify-full&sslrootcert=${tls.cert}`,
      },
    },
    {
      name: 'redis-exporter',
      bin: '/usr/bin/prometheus-redis-exporter',
      port: ports.redisExporter,
      args: [
        `-redis.addr=rediss://127.0.0.1:${ports.redis}`,
        `-tls-ca-cert-file=${tls.cert}`,
        `-web.listen-address=127.0.0.1:${ports.redisExporter}`,
      ],
      env: {},
    },
    {
      name: 'nginx-exporter',
      bin: '/usr/bin/prometheus-nginx-exporter',
      port: ports.nginxExporter,
      args: [
        `-nginx.scrape-uri=http://127.0.0.1:${ports.nginxStatus}/stub_status`,
        `-web.listen-address=127.0.0.1:${ports.nginxExporter}`,
      ],
      env: {},
    },
    {
      name: 'node-exporter',
      bin: '/usr/bin/prometheus-node-exporter',
      port: ports.nodeExporter,
      args: [`--web.listen-address=127.0.0.1:${ports.nodeExporter}`],
      env: {},
    },
  ];
  for (const e of exporters) {
    if (!existsSync(e.bin)) continue;
    const logFile = path.join(dir, `${e.name}.log`);
    const pid = startDaemon(e.bin, e.args, { logFile, env: { ...process.env, ...e.env } });
    processes.push({ name: e.name, kind: 'pid', pid, port: e.port, log: logFile });
  }
  if (!existsSync('/usr/bin/prometheus')) {
    log('Prometheus is not installed (apt-get install prometheus): no scraping');
    return processes;
  }
  const alerts = path.join(root, 'deploy', 'prometheus', 'alerts.yml');
  const tokenFile = path.join(dir, 'metrics-token');
  writeFileSync(tokenFile, metricsToken, { mode: 0o600 });
  const staticJob = (name, targets) =>
    `  - job_name: ${name}\n    static_configs:\n      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`;
  writeFileSync(
    path.join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 5s',
      '  evaluation_interval: 5s',
      ...(existsSync(alerts) ? ['rule_files:', `  - ${alerts}`] : []),
      'scrape_configs:',
      '  - job_name: examtech',
      '    authorization:',
      `      credentials_file: ${tokenFile}`,
      '    static_configs:',
      `      - targets: [${instances.map((p) => `'127.0.0.1:${p}'`).join(', ')}]`,
      staticJob('postgres', [`127.0.0.1:${ports.postgresExporter}`]),
      staticJob('redis', [`127.0.0.1:${ports.redisExporter}`]),
      // The Sentinels through the same exporter's multi-target /scrape endpoint: their view of the
      // primary (redis_sentinel_master_status{master_address}) is what the failover alert watches.
      '  - job_name: redis-sentinel',
      '    metrics_path: /scrape',
      '    static_configs:',
      `      - targets: [${[0, 1, 2].map((i) => `'rediss://127.0.0.1:${ports.sentinel + i}'`).join(', ')}]`,
      '    relabel_configs:',
      '      - source_labels: [__address__]',
      '        target_label: __param_target',
      '      - source_labels: [__param_target]',
      '        target_label: instance',
      '      - target_label: __address__',
      `        replacement: 127.0.0.1:${ports.redisExporter}`,
      staticJob('nginx', [`127.0.0.1:${ports.nginxExporter}`]),
      staticJob('node', [`127.0.0.1:${ports.nodeExporter}`]),
      '',
    ].join('\n'),
  );
  const logFile = path.join(dir, 'prometheus.log');
  const pid = startDaemon(
    '/usr/bin/prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${ports.prometheus}`,
    ],
    { logFile },
  );
  processes.push({ name: 'prometheus', kind: 'pid', pid, port: ports.prometheus, log: logFile });
  for (const p of processes) await waitFor(p.name, () => isPortOpen(p.port), 30_000);
  log(`Prometheus on http://127.0.0.1:${ports.prometheus}`);
  return processes;
}

export { readPidFile };
