import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { Namespace, ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { IContainer } from 'kubernetes-models/v1';
import settings from '../../libs/config/src/settings.json';
import topics from '../../libs/contracts/src/topics.json';

const root = path.resolve(__dirname, '..', '..');

/** What every document of the file is: a Kubernetes object. The rest of its shape is what the tests check. */
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
}

/** Strimzi's KafkaTopic, a custom resource (so not in kubernetes-models). */
interface KafkaTopic extends Manifest {
  kind: 'KafkaTopic';
  spec: { topicName: string; partitions: number; replicas: number; config: Record<string, unknown> };
}
const isKafkaTopic = (d: Manifest): d is KafkaTopic => d.kind === 'KafkaTopic';

const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(root, 'deploy/k8s/kompeten.yaml'), 'utf8')).map(
  (d) => d.toJSON() as Manifest,
);
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};
/** The documents of one kind (kubernetes-models' `Model.is`, or isKafkaTopic), or the one of that kind and name. */
const of = <T extends Manifest>(is: (d: Manifest) => d is T, name?: string) =>
  docs.filter((d): d is T => is(d) && (!name || d.metadata?.name === name));

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
/** A pod that opens a connection: its namespace and its labels. */
interface Caller {
  namespace: string;
  labels: Labels;
}

/** Kubernetes' label selector semantics (an empty selector matches everything). */
function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    const has = e.key in labels;
    if (e.operator === 'Exists') return has;
    if (e.operator === 'DoesNotExist') return !has;
    if (e.operator === 'In') return has && (e.values ?? []).includes(labels[e.key]);
    if (e.operator === 'NotIn') return !has || !(e.values ?? []).includes(labels[e.key]);
    throw new Error(`unknown selector operator ${e.operator}`);
  });
  return byLabels && byExpressions;
}

/**
 * Whether the NetworkPolicies of the file let `caller` open a TCP connection to a pod of the
 * `kompeten` namespace with `podLabels` on its container port `port` (named `portName`): a pod no
 * Ingress policy selects takes everything; a selected pod takes what one of them allows.
 */
function admits(caller: Caller, podLabels: Labels, port: { number: number; name: string }): boolean {
  const namespaceLabels = { 'kubernetes.io/metadata.name': caller.namespace };
  const policies = of(NetworkPolicy.is).filter(
    (p) => p.spec?.policyTypes?.includes('Ingress') && selects(p.spec.podSelector, podLabels),
  );
  if (policies.length === 0) return true;
  return policies.some((p) =>
    (p.spec?.ingress ?? []).some((rule) => {
      const portOk =
        !rule.ports?.length ||
        rule.ports.some(
          (r) =>
            (r.protocol ?? 'TCP') === 'TCP' && (r.port === undefined || r.port === port.number || r.port === port.name),
        );
      const fromOk =
        !rule.from?.length ||
        rule.from.some((peer) => {
          if (peer.ipBlock) return false; // pod traffic is judged by selectors here
          const inNamespace = peer.namespaceSelector
            ? selects(peer.namespaceSelector, namespaceLabels)
            : caller.namespace === p.metadata?.namespace;
          return inNamespace && selects(peer.podSelector, caller.labels);
        });
      return portOk && fromOk;
    }),
  );
}

/** The container of a service's Deployment. */
const containerOf = (service: string): IContainer => of(Deployment.is, service)[0].spec!.template.spec!.containers[0];
/** Where a setting of the container comes from: a literal, a ConfigMap key or a Secret key. */
function source(c: IContainer, name: string): { value?: string; configMap?: string; secret?: string } | undefined {
  const e = c.env?.find((x) => x.name === name);
  if (e)
    return {
      ...(e.value !== undefined ? { value: e.value } : {}),
      ...(e.valueFrom?.configMapKeyRef ? { configMap: e.valueFrom.configMapKeyRef.name } : {}),
      ...(e.valueFrom?.secretKeyRef ? { secret: e.valueFrom.secretKeyRef.name } : {}),
    };
  for (const f of c.envFrom ?? []) {
    const value = of(ConfigMap.is, f.configMapRef?.name)[0]?.data?.[name];
    if (value !== undefined) return { value, configMap: f.configMapRef!.name };
  }
  return undefined;
}
/** The Secret a file path of the container lies on (through its volume mounts), if any. */
function secretOfFile(service: string, file: string): string | undefined {
  const pod = of(Deployment.is, service)[0].spec!.template.spec!;
  const mount = containerOf(service).volumeMounts?.find((m) => file.startsWith(`${m.mountPath}/`));
  return pod.volumes?.find((v) => v.name === mount?.name)?.secret?.secretName;
}

describe('the Kubernetes manifests', () => {
  it('are generated from the code and up to date', () => {
    const check = spawnSync(process.execPath, ['deploy/k8s/generate.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.stdout).toContain('up to date');
    expect(check.status).toBe(0);
  });

  it('validate against the Kubernetes JSON schemas', () => {
    for (const d of docs.filter((x) => !isKafkaTopic(x))) {
      const Model = MODELS[`${d.apiVersion}/${d.kind}`];
      expect({ kind: d.kind, known: Boolean(Model) }).toEqual({ kind: d.kind, known: true });
      expect(() => new Model(d as never).validate()).not.toThrow();
    }
  });

  it('give every service a Deployment with probes on /health and /ready, a Service, a PodDisruptionBudget and an autoscaler', () => {
    for (const [service, port] of Object.entries(settings.ports)) {
      const [dep] = of(Deployment.is, service);
      const c = dep.spec?.template.spec?.containers[0];
      expect(c?.ports?.[0].containerPort).toBe(port);
      expect(c?.readinessProbe?.httpGet?.path).toBe('/ready');
      expect(c?.livenessProbe?.httpGet?.path).toBe('/health');
      expect(c?.resources?.requests).toBeDefined();
      expect(of(Service.is, service)[0].spec?.ports?.[0].port).toBe(port);
      expect(of(PodDisruptionBudget.is, service)[0].spec?.minAvailable).toBe(1);
      expect(of(HorizontalPodAutoscaler.is, service)[0].spec?.scaleTargetRef.name).toBe(service);
      // Every setting the service requires is provided by the Deployment, its ConfigMaps or Secrets
      // (envFrom names ConfigMaps only: a Secret's keys are not in the file).
      const provided = new Set([
        ...(c?.env ?? []).map((e) => e.name),
        ...(c?.envFrom ?? []).flatMap((f) => Object.keys(of(ConfigMap.is, f.configMapRef!.name)[0].data ?? {})),
      ]);
      const required = [
        ...settings.common,
        ...settings.container,
        ...(service === 'gateway' ? settings.gateway.filter((s) => s !== 'AUTH_LOCAL_JWKS') : settings.personalData),
        ...(service === 'enrolment' ? settings.enrolment : []),
      ];
      for (const name of required)
        expect({ service, name, provided: provided.has(name) }).toEqual({ service, name, provided: true });
      expect(c?.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef?.name).toBe(
        `kompeten-${service}-db`,
      );
    }
  });

  it('let only the gateway and the metrics scraper reach the services, and only the ingress controller and the scraper reach the gateway', () => {
    const gateway: Caller = {
      namespace: 'kompeten',
      labels: { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/part-of': 'kompeten' },
    };
    const scraper: Caller = { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } };
    const ingress: Caller = { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
    const strangers: Caller[] = [
      { namespace: 'kompeten', labels: { run: 'debug-shell' } },
      { namespace: 'default', labels: {} },
      // The gateway's labels count in the kompeten namespace only; Prometheus' in monitoring only.
      { namespace: 'other-team', labels: gateway.labels },
      { namespace: 'kompeten', labels: scraper.labels },
    ];
    for (const [service, portNumber] of Object.entries(settings.ports)) {
      const podLabels = of(Deployment.is, service)[0].spec!.template.metadata!.labels!;
      const port = { number: portNumber, name: 'http' };
      const may = (who: Caller) => admits(who, podLabels, port);
      const peers = Object.keys(settings.ports)
        .filter((s) => s !== service && s !== 'gateway')
        .map((s): Caller => ({
          namespace: 'kompeten',
          labels: of(Deployment.is, s)[0].spec!.template.metadata!.labels!,
        }));
      expect({ service, scraper: may(scraper) }).toEqual({ service, scraper: true });
      expect({ service, gateway: may(gateway) }).toEqual({ service, gateway: service !== 'gateway' });
      expect({ service, ingress: may(ingress) }).toEqual({ service, ingress: service === 'gateway' });
      for (const who of [...strangers, ...peers])
        expect({ service, who, admitted: may(who) }).toEqual({ service, who, admitted: false });
    }
    // Any other pod of the namespace (a job, a debug pod, a future service) takes nothing either.
    expect(admits(strangers[0], { 'app.kubernetes.io/name': 'something-new' }, { number: 8080, name: 'http' })).toBe(
      false,
    );
  });

  it('run every service in production mode on every interface, with the gateway keys from a Secret and the public JWKS from a ConfigMap', () => {
    for (const service of Object.keys(settings.ports)) {
      const c = containerOf(service);
      expect({ service, HOST: source(c, 'HOST')?.value, NODE_ENV: source(c, 'NODE_ENV')?.value }).toEqual({
        service,
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
      });
      // A rolling update drains each pod (readiness 503 while it still serves) within its grace period.
      const drainMs = Number(source(c, 'SHUTDOWN_DRAIN_MS')?.value);
      expect(drainMs).toBeGreaterThanOrEqual(5000);
      const grace = of(Deployment.is, service)[0].spec!.template.spec!.terminationGracePeriodSeconds!;
      expect(grace * 1000).toBeGreaterThan(drainMs + 10000);
      // The public keys: not a secret, and never the private key's Secret.
      expect(source(c, 'INTERNAL_IDENTITY_JWKS')).toEqual({ configMap: 'kompeten-internal-identity' });
      const signingKey = source(c, 'INTERNAL_IDENTITY_SIGNING_KEY');
      const kek = source(c, 'PERSONAL_DATA_KEK');
      const mounted = (of(Deployment.is, service)[0].spec!.template.spec!.volumes ?? []).map(
        (v) => v.secret?.secretName,
      );
      if (service === 'gateway') {
        expect(secretOfFile(service, signingKey!.value!)).toBe('kompeten-internal-identity-signing-key');
        expect(kek).toBeUndefined();
      } else {
        // Only the gateway holds the signing key; each service its own key-encryption key.
        expect({ service, signingKey, mounted }).toEqual({
          service,
          signingKey: undefined,
          mounted: [`kompeten-${service}-personal-data-kek`],
        });
        expect(secretOfFile(service, kek!.value!)).toBe(`kompeten-${service}-personal-data-kek`);
        expect(source(c, 'PERSONAL_DATA_KEK_ID')).toEqual({ secret: `kompeten-${service}-personal-data-kek` });
      }
      // No key material in the manifest itself: every literal is a path, a URL or a plain setting.
      for (const e of c.env ?? []) expect(e.value ?? '').not.toMatch(/"d"\s*:|BEGIN .*PRIVATE KEY/);
    }
  });

  it('declare every topic for Strimzi with replication 3, min.insync.replicas 2 and retention forever', () => {
    const declared = of(isKafkaTopic);
    expect(declared.map((t) => t.spec.topicName).sort()).toEqual(topics.map((t) => t.name).sort());
    for (const t of declared) {
      expect(t.spec).toMatchObject({ replicas: 3, config: { 'retention.ms': -1, 'min.insync.replicas': 2 } });
      expect(t.spec.partitions).toBe(topics.find((x) => x.name === t.spec.topicName)!.partitions);
    }
  });
});
