#!/usr/bin/env node
// Kubernetes manifests for Kompeten, as code: `node deploy/k8s/generate.mjs` writes kompeten.yaml
// (apply with `kubectl apply -f deploy/k8s/kompeten.yaml` after creating the Secrets it names).
// Kafka and Postgres are external: a managed Kafka or Strimzi (the KafkaTopic resources below),
// a managed Postgres with one database per service. test/deploy/kubernetes.spec.ts validates the
// output against the Kubernetes schemas and checks it is up to date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const YAML = require('yaml');
const settings = JSON.parse(fs.readFileSync(path.join(root, 'libs/config/src/settings.json'), 'utf8'));
const topics = JSON.parse(fs.readFileSync(path.join(root, 'libs/contracts/src/topics.json'), 'utf8'));

const NS = 'kompeten';
const IMAGE = (s) => `registry.bukittinggi.go.id/kompeten/${s}:0.1.0`;
const labels = (s) => ({ 'app.kubernetes.io/name': s, 'app.kubernetes.io/part-of': 'kompeten' });
const CONSUMERS = ['enrolment', 'assessment', 'budget', 'feedback'];

function deployment(service) {
  const port = settings.ports[service];
  const env = [
    { name: 'PORT', value: String(port) },
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `kompeten-${service}-db`, key: 'url' } } },
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service, namespace: NS, labels: labels(service) },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels(service) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: labels(service),
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(port),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          terminationGracePeriodSeconds: 40, // the service stops within 30 s of SIGTERM
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
          containers: [
            {
              name: service,
              image: IMAGE(service),
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: port }],
              env,
              envFrom: [
                { configMapRef: { name: 'kompeten-config' } },
                ...(service === 'gateway' ? [{ configMapRef: { name: 'kompeten-gateway-config' } }] : []),
              ],
              resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { memory: '512Mi' } },
              readinessProbe: {
                httpGet: { path: '/ready', port: 'http' },
                periodSeconds: 5,
                timeoutSeconds: 3,
                failureThreshold: 3,
              },
              livenessProbe: {
                httpGet: { path: '/health', port: 'http' },
                initialDelaySeconds: 20,
                periodSeconds: 10,
                timeoutSeconds: 3,
                failureThreshold: 3,
              },
              startupProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      },
    },
  };
}

const service = (s) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: s, namespace: NS, labels: labels(s) },
  spec: { selector: labels(s), ports: [{ name: 'http', port: settings.ports[s], targetPort: 'http' }] },
});
const pdb = (s) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: s, namespace: NS },
  spec: { minAvailable: 1, selector: { matchLabels: labels(s) } },
});

/** CPU for every service; consumer lag too for the event consumers (needs prometheus-adapter exposing kompeten_consumer_lag). */
function hpa(s) {
  const metrics = [
    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
  ];
  if (CONSUMERS.includes(s)) {
    metrics.push({
      type: 'External',
      external: {
        metric: { name: 'kompeten_consumer_lag', selector: { matchLabels: { service: s } } },
        target: { type: 'AverageValue', averageValue: '1000' },
      },
    });
  }
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: s, namespace: NS },
    // Consumers beyond the topic's 6 partitions would sit idle.
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: s },
      minReplicas: 2,
      maxReplicas: s === 'gateway' ? 10 : 6,
      metrics,
    },
  };
}

/** Topics as code for Strimzi: production replication, kept forever, writes acknowledged by 2 replicas. */
const kafkaTopic = (t) => ({
  apiVersion: 'kafka.strimzi.io/v1beta2',
  kind: 'KafkaTopic',
  metadata: { name: t.name.replace(/\./g, '-'), namespace: 'kafka', labels: { 'strimzi.io/cluster': 'kafka' } },
  spec: {
    topicName: t.name,
    partitions: t.partitions,
    replicas: 3,
    config: { 'retention.ms': -1, 'retention.bytes': -1, 'cleanup.policy': 'delete', 'min.insync.replicas': 2 },
  },
});

export function manifests() {
  const services = Object.keys(settings.ports);
  const url = (s) => `http://${s}.${NS}.svc.cluster.local:${settings.ports[s]}`;
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kompeten-config', namespace: NS },
      data: {
        KAFKA_BROKERS: 'kafka-kafka-bootstrap.kafka.svc.cluster.local:9092',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        CITY_TIME_ZONE: 'Asia/Jakarta',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kompeten-gateway-config', namespace: NS },
      data: {
        ENROLMENT_URL: url('enrolment'),
        ASSESSMENT_URL: url('assessment'),
        BUDGET_URL: url('budget'),
        FEEDBACK_URL: url('feedback'),
        AUTH_JWKS_URL: 'https://sso.bukittinggi.go.id/realms/asn/protocol/openid-connect/certs',
        AUTH_ISSUER: 'https://sso.bukittinggi.go.id/realms/asn',
        AUTH_AUDIENCE: 'kompeten',
      },
    },
    ...services.flatMap((s) => [deployment(s), service(s), pdb(s), hpa(s)]),
    ...topics.map(kafkaTopic),
  ];
}

export function render() {
  const header =
    '# Generated by deploy/k8s/generate.mjs — do not edit; change the generator.\n# Before applying: create the Secrets kompeten-<service>-db (key "url": postgres://…/kompeten_<service>) in namespace kompeten.\n';
  return (
    header +
    manifests()
      .map((m) => YAML.stringify(m))
      .join('---\n')
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = path.join(here, 'kompeten.yaml');
  if (process.argv.includes('--check')) {
    const ok = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === render();
    console.log(
      ok
        ? 'deploy/k8s/kompeten.yaml is up to date'
        : 'deploy/k8s/kompeten.yaml is stale: run node deploy/k8s/generate.mjs',
    );
    process.exit(ok ? 0 : 1);
  }
  fs.writeFileSync(file, render());
  console.log(`wrote ${path.relative(root, file)}`);
}
