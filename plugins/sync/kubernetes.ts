import path from 'node:path';
import {
  dependenciesInSettings,
  type Entry,
  type EnvironmentProblem,
  type Place,
  type ReadEnvironment,
  type Workload,
} from './environment.ts';
import { entries, field, list, parseYamlFile, text, type PlacedDocument } from './yaml-documents.ts';

/** The controllers whose pods are the workloads; a bare Pod counts too. */
const CONTROLLERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'DeploymentConfig']);

/** One object of a manifest, with the document it was read from and its path in it (`items[3]` in a `kind: List`). */
interface KubeObject {
  readonly value: unknown;
  readonly doc: PlacedDocument;
  readonly base: readonly (string | number)[];
}

/**
 * Reads Kubernetes manifests (every document of every file, and the items of a `kind: List`
 * as `kubectl get -o yaml` prints them): Deployments, StatefulSets, DaemonSets, Jobs and Pods
 * are workloads; the Services that select their pods name the hosts they are reached by;
 * LoadBalancer and NodePort Services and Ingresses are the ways in. Kustomizations and
 * everything else are left alone.
 */
export function readManifests(files: readonly { file: string; text: string }[], origin: string): ReadEnvironment {
  const problems: EnvironmentProblem[] = [];
  const objects: KubeObject[] = [];
  for (const { file, text: source } of files) {
    const parsed = parseYamlFile(file, source);
    if ('error' in parsed) {
      problems.push({ at: parsed.error.at, message: `not a YAML file: ${parsed.error.message}`, fatal: true });
      continue;
    }
    for (const doc of parsed.documents) {
      if (field(doc.value, 'kind') === 'List')
        list(field(doc.value, 'items')).forEach((value, i) => objects.push({ value, doc, base: ['items', i] }));
      else objects.push({ value: doc.value, doc, base: [] });
    }
  }
  const kind = (o: KubeObject) => text(field(o.value, 'kind')) ?? '';
  const meta = (o: KubeObject) => field(o.value, 'metadata');
  const nameOf = (o: KubeObject) => text(field(meta(o), 'name')) ?? '';
  const namespaceOf = (o: KubeObject) => text(field(meta(o), 'namespace')) ?? 'default';
  const at = (o: KubeObject, ...rest: (string | number)[]) => o.doc.at([...o.base, ...rest]);

  const controllers = objects.filter((o) => CONTROLLERS.has(kind(o)) && nameOf(o));
  // A Deployment's ReplicaSets and Pods, as `kubectl get all -o yaml` lists them, are the Deployment.
  const owned = (o: KubeObject) => list(field(meta(o), 'ownerReferences')).length > 0;
  const workloadObjects = controllers.filter((o) => !owned(o));
  const services = objects.filter((o) => kind(o) === 'Service' && nameOf(o));
  const selects = (service: KubeObject, workload: KubeObject) => {
    const selector = entries(field(field(service.value, 'spec'), 'selector'));
    const labels = field(field(podTemplate(workload), 'metadata'), 'labels');
    return (
      selector.length > 0 &&
      namespaceOf(service) === namespaceOf(workload) &&
      selector.every(([key, value]) => text(field(labels, key)) === text(value))
    );
  };

  const hostsOf = new Map<KubeObject, string[]>();
  const hosts = new Map<string, string>();
  for (const workload of workloadObjects) {
    const names = [nameOf(workload), ...services.filter((s) => selects(s, workload)).map(nameOf)].map((n) => n.toLowerCase());
    hostsOf.set(workload, [...new Set(names)]);
    for (const host of names) if (!hosts.has(host)) hosts.set(host, nameOf(workload));
  }

  const entryList: Entry[] = [];
  for (const service of services) {
    const type = text(field(field(service.value, 'spec'), 'type'));
    if (type !== 'LoadBalancer' && type !== 'NodePort') continue;
    const backends = workloadObjects.filter((w) => selects(service, w)).map(nameOf);
    entryList.push({
      name: nameOf(service),
      kind: type,
      namespace: namespaceOf(service),
      hosts: [],
      backends,
      at: at(service, 'metadata', 'name'),
    });
  }
  for (const ingress of objects.filter((o) => kind(o) === 'Ingress' && nameOf(o))) {
    const spec = field(ingress.value, 'spec');
    const rules = list(field(spec, 'rules'));
    const backendNames = [
      ...[field(spec, 'defaultBackend'), field(spec, 'backend')],
      ...rules.flatMap((rule) => list(field(field(rule, 'http'), 'paths')).map((p) => field(p, 'backend'))),
    ]
      .map((backend) => text(field(field(backend, 'service'), 'name')) ?? text(field(backend, 'serviceName')))
      .filter((n): n is string => !!n);
    const backends = new Set<string>();
    for (const serviceName of backendNames) {
      const service = services.find((s) => nameOf(s) === serviceName && namespaceOf(s) === namespaceOf(ingress));
      for (const w of workloadObjects) if (service ? selects(service, w) : nameOf(w) === serviceName) backends.add(nameOf(w));
    }
    entryList.push({
      name: nameOf(ingress),
      kind: 'Ingress',
      namespace: namespaceOf(ingress),
      hosts: rules.map((r) => text(field(r, 'host'))).filter((h): h is string => !!h),
      backends: [...backends],
      at: at(ingress, 'metadata', 'name'),
    });
  }
  const exposed = new Set(entryList.flatMap((e) => e.backends));

  const workloads = workloadObjects.map((o) =>
    workloadOf(o, { services, selects, hosts, hostnames: hostsOf.get(o)!, exposed: exposed.has(nameOf(o)) }),
  );
  if (workloads.length === 0 && problems.length === 0) {
    const first = objects[0];
    const where = first ? at(first) : { file: files[0]?.file ?? origin, line: 1, column: 1 };
    problems.push({ at: where, message: 'no Deployment, StatefulSet, DaemonSet, Job or Pod in these manifests', fatal: true });
  }
  const name = path.basename(path.resolve(origin)).replace(/\.ya?ml$/, '') || 'kubernetes';
  return { environment: { source: 'kubernetes', name, origin, workloads, entries: entryList }, problems };
}

/** One controller as a workload: its first container's image, replicas and requests, its settings' dependencies. */
function workloadOf(
  o: KubeObject,
  context: {
    services: readonly KubeObject[];
    selects: (service: KubeObject, workload: KubeObject) => boolean;
    hosts: ReadonlyMap<string, string>;
    hostnames: readonly string[];
    exposed: boolean;
  },
): Workload {
  const { services, selects, hosts, hostnames, exposed } = context;
  const kind = (x: KubeObject) => text(field(x.value, 'kind')) ?? '';
  const nameOf = (x: KubeObject) => text(field(field(x.value, 'metadata'), 'name')) ?? '';
  const namespaceOf = (x: KubeObject) => text(field(field(x.value, 'metadata'), 'namespace')) ?? 'default';
  const at = (x: KubeObject, ...rest: (string | number)[]) => x.doc.at([...x.base, ...rest]);
  const pod = field(podTemplate(o), 'spec');
  const containers = list(field(pod, 'containers'));
  const first = containers[0];
  const podPath = podSpecPath(o);
  const env = new Map<string, string>();
  const settings: { value: string; via: string; at: Place }[] = [];
  containers.forEach((container, c) => {
    list(field(container, 'env')).forEach((variable, i) => {
      const name = text(field(variable, 'name'));
      const value = text(field(variable, 'value'));
      if (!name || value === undefined) return;
      env.set(name, value);
      settings.push({ value, via: `environment ${name}`, at: at(o, ...podPath, 'containers', c, 'env', i, 'value') });
    });
    for (const key of ['args', 'command'])
      list(field(container, key)).forEach((arg, i) => {
        if (text(arg)) settings.push({ value: text(arg)!, via: key, at: at(o, ...podPath, 'containers', c, key, i) });
      });
  });
  const replicas = field(field(o.value, 'spec'), 'replicas');
  const requests = field(field(first, 'resources'), 'requests');
  const probe = field(first, 'readinessProbe') ?? field(first, 'livenessProbe');
  const ports = containers.flatMap((c) => list(field(c, 'ports')));
  const serviceNames = services
    .filter((s) => selects(s, o))
    .flatMap((s) => list(field(field(s.value, 'spec'), 'ports')).map((p) => text(field(p, 'name'))));
  return {
    name: nameOf(o),
    controller: kind(o),
    namespace: namespaceOf(o),
    hostnames,
    image: text(field(first, 'image')),
    replicas: typeof replicas === 'number' ? replicas : kind(o) === 'Deployment' || kind(o) === 'StatefulSet' ? 1 : undefined,
    env,
    ports: ports.map((p) => field(p, 'containerPort')).filter((n): n is number => typeof n === 'number'),
    portNames: [...ports.map((p) => text(field(p, 'name'))), ...serviceNames, ...(field(probe, 'grpc') ? ['grpc'] : [])].filter(
      (n): n is string => !!n,
    ),
    cpu: text(field(requests, 'cpu')),
    memory: text(field(requests, 'memory')),
    health: text(field(field(probe, 'httpGet'), 'path')),
    dependencies: dependenciesInSettings(nameOf(o), settings, hosts),
    exposed,
    at: at(o, 'metadata', 'name'),
    imageAt: first ? at(o, ...podPath, 'containers', 0, 'image') : undefined,
    replicasAt: typeof replicas === 'number' ? at(o, 'spec', 'replicas') : undefined,
  };
}

/** Where a controller keeps its pods' template: `spec.template`, a CronJob's `spec.jobTemplate.spec.template`, a Pod itself. */
function podSpecPath(o: KubeObject): (string | number)[] {
  switch (text(field(o.value, 'kind'))) {
    case 'Pod':
      return ['spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return ['spec', 'template', 'spec'];
  }
}

function podTemplate(o: KubeObject): unknown {
  const spec = field(o.value, 'spec');
  switch (text(field(o.value, 'kind'))) {
    case 'Pod':
      return o.value;
    case 'CronJob':
      return field(field(field(spec, 'jobTemplate'), 'spec'), 'template');
    default:
      return field(spec, 'template');
  }
}
