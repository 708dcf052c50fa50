import type { Position } from '../model/diagnostics.ts';

/** A place in a file read from outside the content: a compose file or a manifest. */
export interface Place extends Position {
  /** The file's path, relative to the working directory, as diagnostics print it. */
  readonly file: string;
}

/** A call from one workload to another that the environment shows. */
export interface SeenDependency {
  /** The workload called, by its name. */
  readonly target: string;
  /** How it was seen: `depends_on`, `links`, `environment CART_SERVICE_ADDR`, `command`. */
  readonly via: string;
  readonly at: Place;
}

/** Something that runs: a compose service, or a Kubernetes Deployment, StatefulSet or DaemonSet. */
export interface Workload {
  readonly name: string;
  /** `compose service`, `Deployment`, `StatefulSet`, `DaemonSet` … */
  readonly controller: string;
  /** The Kubernetes namespace; undefined in a compose file. */
  readonly namespace?: string | undefined;
  /** The names other workloads reach it by: its own, its hostname, the Kubernetes Services that select it. */
  readonly hostnames: readonly string[];
  /** Its (first) container's image, as written. */
  readonly image?: string | undefined;
  readonly replicas?: number | undefined;
  /** Environment variables with a literal value, by name. */
  readonly env: ReadonlyMap<string, string>;
  readonly ports: readonly number[];
  /** CPU and memory asked for (`resources.requests`, or compose's `deploy.resources.reservations`). */
  readonly cpu?: string | undefined;
  readonly memory?: string | undefined;
  /** The path its HTTP health probe asks. */
  readonly health?: string | undefined;
  /** The names of its ports (`grpc`, `http`): what protocol it speaks. */
  readonly portNames: readonly string[];
  readonly dependencies: readonly SeenDependency[];
  /** Reached from outside: a published port, a LoadBalancer or NodePort Service, an Ingress. */
  readonly exposed: boolean;
  /** Where its name is written. */
  readonly at: Place;
  readonly imageAt?: Place | undefined;
  readonly replicasAt?: Place | undefined;
}

/** A way in from outside: an Ingress, or a LoadBalancer or NodePort Service. */
export interface Entry {
  readonly name: string;
  /** `Ingress`, `LoadBalancer`, `NodePort`. */
  readonly kind: string;
  readonly namespace?: string | undefined;
  readonly hosts: readonly string[];
  /** The workloads it sends traffic to, by name. */
  readonly backends: readonly string[];
  readonly at: Place;
}

/** What runs in one environment, as a compose file or a set of manifests describes it. */
export interface Environment {
  readonly source: 'compose' | 'kubernetes';
  /** A name for it: the compose project (its folder), or the manifests' folder. */
  readonly name: string;
  /** What was read, as the user named it. */
  readonly origin: string;
  readonly workloads: readonly Workload[];
  readonly entries: readonly Entry[];
}

/** A file that could not be read as an environment, or a part of it that was skipped. */
export interface EnvironmentProblem {
  readonly at: Place;
  readonly message: string;
  /** True when nothing could be read from the file. */
  readonly fatal: boolean;
}

export interface ReadEnvironment {
  readonly environment: Environment;
  readonly problems: readonly EnvironmentProblem[];
}

/**
 * Dependencies that a workload's settings show: an environment variable or a command
 * argument that names another workload's host (`MONGO_HOST=user-db:27017`,
 * `productcatalogservice:3550`, `http://carts/`).
 */
export function dependenciesInSettings(
  own: string,
  settings: readonly { readonly value: string; readonly via: string; readonly at: Place }[],
  hosts: ReadonlyMap<string, string>,
): SeenDependency[] {
  const found = new Map<string, SeenDependency>();
  for (const { value, via, at } of settings) {
    for (const token of value.toLowerCase().split(/[^a-z0-9.-]+/)) {
      // `carts-db.default.svc.cluster.local`: the host's first label is the Service's name.
      const target = hosts.get(token) ?? hosts.get(token.split('.')[0]!);
      if (target !== undefined && target !== own && !found.has(target)) found.set(target, { target, via, at });
    }
  }
  return [...found.values()];
}
