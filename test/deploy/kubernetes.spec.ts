import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { Namespace, ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
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
};
/** The documents of one kind (kubernetes-models' `Model.is`, or isKafkaTopic), or the one of that kind and name. */
const of = <T extends Manifest>(is: (d: Manifest) => d is T, name?: string) =>
  docs.filter((d): d is T => is(d) && (!name || d.metadata?.name === name));

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
        ...(service === 'gateway' ? settings.gateway.filter((s) => s !== 'AUTH_LOCAL_JWKS') : []),
      ];
      for (const name of required)
        expect({ service, name, provided: provided.has(name) }).toEqual({ service, name, provided: true });
      expect(c?.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef?.name).toBe(
        `kompeten-${service}-db`,
      );
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
