import type { Model } from '../../model/model.ts';
import { nameFromId } from '../../model/names.ts';
import { resourceCategory } from '../../model/resource-category.ts';
import type { Environment, Workload } from '../environment.ts';
import { isGatewayImage, recogniseResource, type RecognisedResource } from '../images.ts';
import { ModelMatcher } from '../match.ts';
import { freeId, idFrom, importedDomain, type Draft, type ImportPlan } from './plan.ts';

/** What each workload becomes: an element the model has, or a new service or resource. */
interface Placed {
  readonly workload: Workload;
  readonly kind: 'service' | 'resource';
  readonly id: string;
  readonly existing: boolean;
  readonly recognised?: RecognisedResource | undefined;
}

/**
 * Drafts the elements a compose file or a set of manifests shows: a service for each
 * workload, a resource for each database, cache, broker or store recognised by its image;
 * dependencies and stores from what the settings name; and a deployment with the
 * environment's nodes, each workload an instance with its replicas. Workloads the model
 * already has are neither drafted nor renamed: the new files point at them.
 */
export function planFromEnvironment(environment: Environment, model: Model | undefined): ImportPlan {
  const matcher = new ModelMatcher(model);
  const taken = { service: new Set(model?.byKind.service.keys()), resource: new Set(model?.byKind.resource.keys()) };
  const origin = `${environment.source === 'compose' ? 'the compose file' : 'the Kubernetes manifests'} ${environment.origin}`;
  const notes: string[] = [];
  const placed = new Map<string, Placed>();
  for (const workload of environment.workloads) {
    const found = matcher.find(workload.name, workload.hostnames);
    if (found) {
      placed.set(workload.name, { workload, kind: found.kind, id: found.id, existing: true });
      notes.push(`${workload.name} is ${found.kind} '${found.id}' already: not drafted`);
      continue;
    }
    const recognised = recogniseResource(workload.name, workload.image, workload.env);
    const kind = recognised ? 'resource' : 'service';
    const id = freeId(idFrom(workload.name) ?? kind, taken[kind]);
    placed.set(workload.name, { workload, kind, id, existing: false, recognised });
  }
  const fresh = [...placed.values()].filter((p) => !p.existing);
  const { id: domainId, draft: domainDraft } = importedDomain(new Set(model?.byKind.domain.keys()), environment.origin);
  const drafts: Draft[] = domainDraft && fresh.some((p) => p.kind === 'service') ? [domainDraft] : [];
  for (const p of fresh) drafts.push(p.kind === 'service' ? serviceDraft(p, placed, domainId, notes) : resourceDraft(p));
  const deploymentId = idFrom(environment.name) ?? environment.source;
  if (model?.byKind.deployment.has(deploymentId))
    notes.push(`deployment '${deploymentId}' exists already: not drafted (npm run check -- --against ${environment.origin} compares it)`);
  else drafts.push(deploymentDraft(environment, placed, deploymentId));
  return {
    origin,
    system: { name: nameFromId(environment.name), description: `Imported from ${origin}.` },
    drafts,
    assets: [],
    notes,
  };
}

function serviceDraft(p: Placed, placed: ReadonlyMap<string, Placed>, domain: string, notes: string[]): Draft {
  const { workload } = p;
  const inferred: string[] = [];
  const left = [`responsibility: what ${workload.name} does, in one sentence`, 'owner: the team that runs it'];
  const type = serviceType(workload);
  if (type !== 'service')
    inferred.push(
      `type: ${type}, from its ${isGatewayImage(workload.image) && type === 'gateway' ? 'image' : 'name'}${workload.exposed ? ' (it is reached from outside)' : ''}`,
    );
  const stores: string[] = [];
  const dependencies: Record<string, unknown>[] = [];
  for (const dependency of workload.dependencies) {
    const target = placed.get(dependency.target);
    if (!target) continue;
    const protocol = protocolOf(target.workload);
    inferred.push(`${target.id}: a ${target.kind === 'resource' ? 'resource it uses' : 'call'}, from ${dependency.via}`);
    if (target.kind === 'resource' && target.recognised && resourceCategory(target.recognised.type) === 'database') stores.push(target.id);
    else dependencies.push({ target: target.id, ...(protocol ? { protocol } : {}), description: `Seen in ${dependency.via}` });
  }
  // `carts-db` beside `carts`: the service's own database, by the names alone.
  for (const other of placed.values()) {
    const own =
      other.kind === 'resource' &&
      !other.existing &&
      other.recognised &&
      new RegExp(`^${escapeRegExp(workload.name)}[-_](db|database|store|cache|redis|mongo|mysql|postgres)$`, 'i').test(other.workload.name);
    if (!own || stores.includes(other.id) || dependencies.some((d) => d.target === other.id)) continue;
    const category = resourceCategory(other.recognised!.type);
    inferred.push(`${other.id}: its own ${category}, from the names`);
    if (category === 'database') stores.push(other.id);
    else dependencies.push({ target: other.id, description: `Its own ${category} (by the names)` });
  }
  for (const [key, value] of workload.env) {
    const host = /^([a-z0-9][a-z0-9.-]*):\d+$/i.exec(value)?.[1];
    if (host && !workload.dependencies.some((d) => value.toLowerCase().includes(d.target.toLowerCase())))
      left.push(`${key} names ${host}, which this environment does not run: a dependency on something outside it?`);
  }
  if (dependencies.length === 0 && stores.length === 0) left.push('dependencies: what it calls (the environment shows none)');
  const deployment = {
    containerized: true,
    ...(workload.replicas !== undefined ? { replicas: workload.replicas } : {}),
    ...(workload.cpu ? { cpu: workload.cpu } : {}),
    ...(workload.memory ? { memory: workload.memory } : {}),
    ...(workload.image ? { image: workload.image } : {}),
  };
  if (!workload.image) notes.push(`${workload.name} names no image`);
  return {
    kind: 'service',
    id: p.id,
    data: {
      name: workloadName(workload.name),
      type,
      responsibility: `TODO: what ${workloadName(workload.name)} is responsible for.`,
      domain,
      ...(stores.length > 0 ? { data: { stores } } : {}),
      ...(dependencies.length > 0 ? { dependencies } : {}),
      deployment,
      ...(workload.health ? { monitoring: { health: workload.health } } : {}),
    },
    inferred,
    left,
  };
}

function resourceDraft(p: Placed): Draft {
  const { workload, recognised } = p;
  return {
    kind: 'resource',
    id: p.id,
    data: {
      name: workloadName(workload.name),
      type: recognised!.type,
      ...(recognised!.technology ? { technology: recognised!.technology } : {}),
      description: `Runs ${workload.image ? `the image ${workload.image}` : 'in this environment'}.`,
    },
    inferred: [`type: ${recognised!.type}, from ${recognised!.by}`],
    left: recognised!.type === 'database' ? ['type: which database (postgresql, mysql, mongodb …)'] : [],
  };
}

/** A gateway, web app or worker by its name; a service otherwise. */
function serviceType(workload: Workload): string {
  const name = workload.name.toLowerCase();
  if (/(gateway|router|proxy|edge|ingress|nginx|envoy|traefik)/.test(name) || isGatewayImage(workload.image)) return 'gateway';
  if (/(front-?end|web|^ui$|-ui$|portal|storefront)/.test(name)) return 'web-app';
  if (/(worker|queue-master|consumer|processor|job|cron|scheduler)/.test(name)) return 'worker';
  return 'service';
}

/** The protocol a call uses where the callee's port names say it (`grpc`, `http`); unknown otherwise. */
function protocolOf(callee: Workload): string | undefined {
  if (callee.portNames.some((n) => /grpc/i.test(n))) return 'gRPC';
  if (callee.portNames.some((n) => /^https?/i.test(n))) return 'HTTP';
  return undefined;
}

/** The environment as a deployment: for manifests, a cluster with a node per namespace; for compose, one host. */
function deploymentDraft(environment: Environment, placed: ReadonlyMap<string, Placed>, id: string): Draft {
  const instance = (w: Workload) => {
    const p = placed.get(w.name)!;
    return { [p.kind]: p.id, ...(w.replicas !== undefined ? { replicas: w.replicas } : {}) };
  };
  const nodeIds = new Set<string>(['cluster']);
  const entries = environment.entries.map((entry) => ({
    id: freeId(idFrom(`${entry.kind}-${entry.name}`) ?? 'entry', nodeIds),
    name: entry.name,
    technology: entry.kind === 'Ingress' ? 'Kubernetes Ingress' : `Kubernetes Service (${entry.kind})`,
    ...(entry.hosts.length > 0 ? { description: `Serves ${entry.hosts.join(', ')}.` } : {}),
    fronts: [
      ...new Set(
        entry.backends
          .map((b) => placed.get(b))
          .filter((p) => p?.kind === 'service')
          .map((p) => p!.id),
      ),
    ],
  }));
  let nodes: Record<string, unknown>[];
  if (environment.source === 'compose') {
    nodes = [{ id: 'host', name: 'Docker host', technology: 'Docker Compose', instances: environment.workloads.map(instance) }];
  } else {
    const namespaces = [...new Set(environment.workloads.map((w) => w.namespace ?? 'default'))].sort();
    nodes = [
      {
        id: 'cluster',
        name: 'Kubernetes cluster',
        technology: 'Kubernetes',
        nodes: [
          ...entries.filter((e) => e.fronts.length > 0),
          ...namespaces.map((namespace) => ({
            id: freeId(idFrom(`namespace-${namespace}`) ?? 'namespace', nodeIds),
            name: `Namespace ${namespace}`,
            technology: 'Kubernetes namespace',
            instances: environment.workloads.filter((w) => (w.namespace ?? 'default') === namespace).map(instance),
          })),
        ],
      },
    ];
  }
  return {
    kind: 'deployment',
    id,
    data: { name: nameFromId(environment.name), description: `What ${environment.origin} runs.`, nodes },
    inferred: [],
    left: ['name and description: which environment this is (production, staging …)'],
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A workload's name as a reader says it: `cart-service` and `cartservice` → `Cart Service`. */
function workloadName(name: string): string {
  const joined = /^([a-z0-9]+?)(service|svc)$/i.exec(name);
  return joined ? `${nameFromId(joined[1]!)} Service` : nameFromId(name) || name;
}
