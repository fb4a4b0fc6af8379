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

// Who may open a connection to the pods (NetworkPolicy, below). Namespaces are matched by the label
// Kubernetes sets on each (kubernetes.io/metadata.name), pods by their own labels: set these to your
// cluster's Prometheus and ingress controller (deploy/RUNBOOK.md, "Network policies").
const METRICS_SCRAPER = { namespace: 'monitoring', pod: { 'app.kubernetes.io/name': 'prometheus' } };
const INGRESS_CONTROLLER = { namespace: 'ingress-nginx', pod: { 'app.kubernetes.io/name': 'ingress-nginx' } };

// Keys are mounted as files from Secrets (readable by the service's group only), never put in the
// environment, where a crash dump or a child process would carry them. Settings name the file.
const SECRETS_DIR = '/run/secrets/kompeten';
const SIGNING_KEY_SECRET = 'kompeten-internal-identity-signing-key';
const kekSecret = (s) => `kompeten-${s}-personal-data-kek`;
/** The gateway's public identity keys: not secret, one ConfigMap every service reads. */
const IDENTITY_JWKS_CONFIGMAP = 'kompeten-internal-identity';

/** Settings and Secret volumes of each service's keys (the gateway signs; the others verify and hold personal data). */
function keys(service) {
  const jwks = {
    name: 'INTERNAL_IDENTITY_JWKS',
    valueFrom: { configMapKeyRef: { name: IDENTITY_JWKS_CONFIGMAP, key: 'jwks.json' } },
  };
  const secretVolume = (name, secretName) => ({
    name,
    secret: { secretName, defaultMode: 0o440 },
  });
  if (service === 'gateway')
    return {
      env: [jwks, { name: 'INTERNAL_IDENTITY_SIGNING_KEY', value: `${SECRETS_DIR}/signing-key/private.jwk.json` }],
      volumes: [secretVolume('signing-key', SIGNING_KEY_SECRET)],
      mounts: [{ name: 'signing-key', mountPath: `${SECRETS_DIR}/signing-key`, readOnly: true }],
    };
  return {
    env: [
      jwks,
      { name: 'PERSONAL_DATA_KEK', value: `${SECRETS_DIR}/personal-data-kek/kek` },
      { name: 'PERSONAL_DATA_KEK_ID', valueFrom: { secretKeyRef: { name: kekSecret(service), key: 'id' } } },
    ],
    volumes: [secretVolume('personal-data-kek', kekSecret(service))],
    mounts: [{ name: 'personal-data-kek', mountPath: `${SECRETS_DIR}/personal-data-kek`, readOnly: true }],
  };
}

function deployment(service) {
  const port = settings.ports[service];
  const secrets = keys(service);
  const env = [
    { name: 'PORT', value: String(port) },
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `kompeten-${service}-db`, key: 'url' } } },
    ...secrets.env,
    // The address printed as the QR code on certificates: the city's public address of the gateway (RUNBOOK).
    ...(service === 'enrolment' ? [{ name: 'PUBLIC_BASE_URL', value: 'https://kompeten.bukittinggi.go.id' }] : []),
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
          terminationGracePeriodSeconds: 40, // drain 10 s + in flight ≤ 10 s + closing: well within 40 s of SIGTERM
          securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
          volumes: secrets.volumes,
          containers: [
            {
              name: service,
              image: IMAGE(service),
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: port }],
              env,
              volumeMounts: secrets.mounts,
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

const fromNamespace = ({ namespace, pod }) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
  podSelector: { matchLabels: pod },
});

/**
 * Ingress is denied to every pod of the namespace unless a policy below lets it in (a pod selected
 * by any Ingress policy takes only what one allows). The four services take calls from the gateway's
 * pods only — the identity the gateway signs is checked on top — and the gateway from the ingress
 * controller; the metrics scraper reaches every pod. Kafka and Postgres are called out, not in.
 */
function networkPolicies(services) {
  // A fresh list each time: a shared object would come out as a YAML anchor and alias.
  const http = () => [{ protocol: 'TCP', port: 'http' }];
  const allow = (s, from) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${s}-ingress`, namespace: NS, labels: labels(s) },
    spec: {
      podSelector: { matchLabels: labels(s) },
      policyTypes: ['Ingress'],
      ingress: [
        { from, ports: http() },
        { from: [fromNamespace(METRICS_SCRAPER)], ports: http() },
      ],
    },
  });
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny-ingress', namespace: NS },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    },
    ...services.map((s) =>
      allow(
        s,
        s === 'gateway' ? [fromNamespace(INGRESS_CONTROLLER)] : [{ podSelector: { matchLabels: labels('gateway') } }],
      ),
    ),
  ];
}

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
        // In a pod: every interface (the NetworkPolicies say who may connect), production rules.
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
        // On SIGTERM a pod answers /ready 503 and keeps serving this long while its endpoint is
        // removed, then finishes what is in flight (SHUTDOWN_TIMEOUT_MS, 10 s): within the grace period.
        SHUTDOWN_DRAIN_MS: '10000',
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
    ...networkPolicies(services),
    ...services.flatMap((s) => [deployment(s), service(s), pdb(s), hpa(s)]),
    ...topics.map(kafkaTopic),
  ];
}

export function render() {
  const header =
    '# Generated by deploy/k8s/generate.mjs — do not edit; change the generator.\n' +
    '# Before applying, in namespace kompeten (deploy/RUNBOOK.md, "First install"):\n' +
    '#   Secrets kompeten-<service>-db (key "url": postgres://…/kompeten_<service>),\n' +
    `#   Secret ${SIGNING_KEY_SECRET} (key "private.jwk.json": the gateway's Ed25519 private JWK),\n` +
    `#   ConfigMap ${IDENTITY_JWKS_CONFIGMAP} (key "jwks.json": its public JWKS),\n` +
    `#   Secrets ${kekSecret('<service>')} for enrolment, assessment, budget, feedback (keys "kek": 32 random bytes base64, "id").\n` +
    '# The NetworkPolicies need a CNI that enforces them (Calico, Cilium, …).\n';
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
