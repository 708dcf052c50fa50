import path from 'node:path';
import { dependenciesInSettings, type EnvironmentProblem, type Place, type ReadEnvironment, type Workload } from './environment.ts';
import { entries, field, list, parseYamlFile, text, type PlacedDocument } from './yaml-documents.ts';

/**
 * Reads a docker-compose file: each service is a workload, reached by its name, its
 * `hostname` and its network aliases; `depends_on`, `links`, and environment values or a
 * command naming another service's host are its dependencies; `deploy.replicas` (or
 * `scale`) its replicas. `file` is the path diagnostics print.
 */
export function readCompose(file: string, source: string, origin: string): ReadEnvironment {
  const folder = path.basename(path.dirname(path.resolve(origin))) || 'compose';
  const parsed = parseYamlFile(file, source);
  if ('error' in parsed) return failed(origin, folder, parsed.error.at, `not a YAML file: ${parsed.error.message}`);
  const doc = parsed.documents[0];
  // The project's name: compose's own `name`, else its folder's (as docker compose names it).
  const name = text(field(doc?.value, 'name')) ?? folder;
  const services = field(doc?.value, 'services');
  if (!doc || entries(services).length === 0)
    return failed(origin, name, doc?.at([]) ?? { file, line: 1, column: 1 }, 'not a compose file: it has no `services`');

  const hosts = new Map<string, string>();
  for (const [service, spec] of entries(services))
    for (const host of hostnames(service, spec)) if (!hosts.has(host)) hosts.set(host, service);

  const defined = new Set(entries(services).map(([service]) => service));
  const problems: EnvironmentProblem[] = [];
  const workloads = entries(services).map(([service, spec]): Workload => {
    const env = environment(field(spec, 'environment'));
    const at = (...rest: (string | number)[]) => doc.at(['services', service, ...rest]);
    const settings = [
      ...[...env].map(([key, value]) => ({ value, via: `environment ${key}`, at: envPlace(doc, service, key) })),
      ...commandText(field(spec, 'command')).map((value) => ({ value, via: 'command', at: at('command') })),
    ];
    const written = [
      ...dependsOn(field(spec, 'depends_on')).map((target) => ({ target, via: 'depends_on', at: at('depends_on') })),
      ...list(field(spec, 'links')).flatMap((link) => {
        const target = text(link)?.split(':')[0];
        return target ? [{ target, via: 'links', at: at('links') }] : [];
      }),
    ].filter((d) => {
      if (defined.has(d.target)) return true;
      problems.push({ at: d.at, message: `${service} ${d.via} names '${d.target}', which the file does not define`, fatal: false });
      return false;
    });
    const seen = dependenciesInSettings(service, settings, hosts).filter((d) => !written.some((w) => w.target === d.target));
    const replicas = field(field(spec, 'deploy'), 'replicas') ?? field(spec, 'scale');
    const reservations = field(field(field(spec, 'deploy'), 'resources'), 'reservations');
    const ports = list(field(spec, 'ports')).map((p) => text(p) ?? text(field(p, 'target')) ?? '');
    return {
      name: service,
      controller: 'compose service',
      hostnames: hostnames(service, spec),
      image: text(field(spec, 'image')),
      replicas: typeof replicas === 'number' ? replicas : undefined,
      env,
      ports: ports.map((p) => Number(/(\d+)(?:\/\w+)?$/.exec(p)?.[1])).filter((n) => Number.isInteger(n)),
      portNames: [],
      cpu: text(field(reservations, 'cpus')),
      memory: text(field(reservations, 'memory')),
      health: undefined,
      dependencies: [...written, ...seen],
      exposed: ports.some((p) => p.includes(':')),
      at: doc.key(['services', service]),
      imageAt: field(spec, 'image') === undefined ? undefined : at('image'),
      replicasAt:
        field(field(spec, 'deploy'), 'replicas') !== undefined
          ? at('deploy', 'replicas')
          : field(spec, 'scale') !== undefined
            ? at('scale')
            : undefined,
    };
  });
  return { environment: { source: 'compose', name, origin, workloads, entries: [] }, problems };
}

function failed(origin: string, name: string, at: Place, message: string): ReadEnvironment {
  return { environment: { source: 'compose', name, origin, workloads: [], entries: [] }, problems: [{ at, message, fatal: true }] };
}

/** The names a compose service is reached by on its networks. */
function hostnames(service: string, spec: unknown): string[] {
  const names = [service, text(field(spec, 'hostname')), text(field(spec, 'container_name'))];
  for (const [, network] of entries(field(spec, 'networks'))) for (const alias of list(field(network, 'aliases'))) names.push(text(alias));
  return [...new Set(names.filter((n): n is string => !!n).map((n) => n.toLowerCase()))];
}

/** `environment:` as a list of `KEY=value` or a mapping; variables without a value are left out. */
function environment(value: unknown): Map<string, string> {
  const env = new Map<string, string>();
  if (Array.isArray(value)) {
    for (const item of value) {
      const line = text(item);
      const eq = line?.indexOf('=') ?? -1;
      if (line && eq > 0) env.set(line.slice(0, eq), line.slice(eq + 1));
    }
  } else for (const [key, v] of entries(value)) if (text(v) !== undefined) env.set(key, text(v)!);
  return env;
}

function envPlace(doc: PlacedDocument, service: string, key: string): Place {
  const value = field(field(field(doc.value, 'services'), service), 'environment');
  if (Array.isArray(value)) {
    const index = value.findIndex((item) => text(item)?.startsWith(`${key}=`));
    return doc.at(['services', service, 'environment', index]);
  }
  return doc.at(['services', service, 'environment', key]);
}

function commandText(value: unknown): string[] {
  if (Array.isArray(value)) return [value.map((v) => text(v) ?? '').join(' ')];
  return text(value) ? [text(value)!] : [];
}

/** `depends_on` as a list, or as a mapping of conditions. */
function dependsOn(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => text(v)).filter((v): v is string => !!v) : entries(value).map(([key]) => key);
}
