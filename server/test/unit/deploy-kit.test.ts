// The deployment kit (Dockerfile, compose.yaml, deploy/kubernetes, deploy/systemd, deploy/nginx)
// cannot be run here (no Docker engine, no cluster): these checks catch what would break it on a
// real host: YAML that does not parse, a variable the server does not read, ports and images that
// disagree between files, paths that do not exist, a grace period shorter than the drain.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES } from '../../src/platform/config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const serverPath = (file: string) => path.join(root, 'server', file);

type Obj = Record<string, unknown>;
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Obj> };
const manifests = parseAllDocuments(read('deploy/kubernetes/examtech.yaml')).map((d) => d.toJSON() as Obj);
const byKind = (kind: string) => manifests.find((m) => m.kind === kind) as Obj & { spec: Obj };
const dockerfile = read('Dockerfile');
const units = ['deploy/systemd/examtech@.service', 'deploy/systemd/examtech-migrate.service'].map(read);

const appService = compose.services.app as {
  environment: Record<string, string>;
  image: string;
  expose: string[];
};
const configMap = byKind('ConfigMap') as unknown as { data: Record<string, string> };
const secret = byKind('Secret') as unknown as { stringData: Record<string, string> };
const deployment = byKind('Deployment') as unknown as {
  spec: {
    template: {
      spec: {
        terminationGracePeriodSeconds: number;
        containers: {
          image: string;
          ports: { name: string; containerPort: number }[];
          readinessProbe: { httpGet: { path: string; port: string } };
          livenessProbe: { httpGet: { path: string; port: string } };
          lifecycle: { preStop: { exec: { command: string[] } } };
        }[];
      };
    };
  };
};
const container = deployment.spec.template.spec.containers[0]!;

describe('the deployment kit', () => {
  it('sets only variables the server reads', () => {
    const set = [
      ...Object.keys(appService.environment),
      ...Object.keys(configMap.data),
      ...Object.keys(secret.stringData),
      ...units.flatMap((u) => [...u.matchAll(/^Environment=([A-Z0-9_]+)=/gm)].map((m) => m[1]!)),
      ...[...dockerfile.matchAll(/^\s*(?:ENV\s+)?([A-Z][A-Z0-9_]+)=\S+\s*\\?$/gm)].map((m) => m[1]!),
    ].filter((name) => name !== 'PATH');
    expect(set.length).toBeGreaterThan(30);
    expect(set.filter((name) => !CONFIG_VARIABLES.includes(name))).toEqual([]);
  });

  it('agrees on the port, the probes and the image everywhere', () => {
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    expect(dockerfile).toMatch(/PORT=3000/);
    expect(appService.environment.PORT).toBe('3000');
    expect(appService.expose).toEqual(['3000']);
    expect(configMap.data.PORT).toBe('3000');
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(read('deploy/nginx/examtech.conf')).toMatch(/server app:3000 /);
    const service = byKind('Service') as unknown as { spec: { ports: { targetPort: string }[] } };
    expect(service.spec.ports[0]!.targetPort).toBe('http');
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    const health = readFileSync(serverPath('src/modules/health/health-routes.ts'), 'utf8');
    for (const route of ['/ready', '/health']) expect(health).toContain(`'${route}'`);
    const imageName = (image: string) => image.split(':')[0];
    expect(imageName(appService.image)).toBe('examtech/examtech');
    expect(imageName(container.image)).toBe('examtech/examtech');
    expect(imageName((compose.services.migrate as { image: string }).image)).toBe('examtech/examtech');
  });

  it('gives a pod longer to stop than the drain takes', () => {
    const preStopSeconds = Number(container.lifecycle.preStop.exec.command[1]);
    const drainMs = Number(configMap.data.SHUTDOWN_TIMEOUT_MS);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      preStopSeconds * 1000 + drainMs,
    );
  });

  it('names files and metrics that exist', () => {
    for (const file of ['src/main.ts', 'src/platform/tracing.ts', 'src/cli/migrate.ts'])
      expect(existsSync(serverPath(file)), file).toBe(true);
    for (const unit of units)
      for (const [, file] of unit.matchAll(/(src\/[\w/.-]+\.ts)/g))
        expect(existsSync(serverPath(file!))).toBe(true);
    for (const [, from] of dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm))
      expect(existsSync(path.join(root, from!)), from).toBe(true);
    for (const volume of Object.values(compose.services).flatMap(
      (s) => (s.volumes as string[] | undefined) ?? [],
    ))
      if (volume.startsWith('./') && !volume.includes('metrics-token') && !volume.includes('/tls:'))
        expect(existsSync(path.join(root, volume.split(':')[0]!)), volume).toBe(true);
    const hpa = byKind('HorizontalPodAutoscaler') as unknown as {
      spec: { metrics: { pods?: { metric: { name: string } } }[] };
    };
    const socketMetric = hpa.spec.metrics.find((m) => m.pods)!.pods!.metric.name;
    expect(readFileSync(serverPath('src/platform/metrics.ts'), 'utf8')).toContain(`'${socketMetric}'`);
    expect(parse(read('deploy/prometheus/compose.yml'))).toMatchObject({
      rule_files: ['/etc/prometheus/alerts.yml'],
    });
  });
});
