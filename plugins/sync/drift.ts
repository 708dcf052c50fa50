import type { Diagnostic, Position } from '../model/diagnostics.ts';
import { CODES, type Code } from '../model/codes.ts';
import type { FieldPath } from '../model/yaml-position.ts';
import { keyOf, type Element, type ElementRef, type Model } from '../model/model.ts';
import type { Environment, EnvironmentProblem, Place, Workload } from './environment.ts';
import { imageParts } from './images.ts';
import { ModelMatcher } from './match.ts';

/** Not built yet, or gone: not expected to run. */
const NOT_RUNNING = new Set(['proposed', 'planned', 'retired']);

export interface DriftInput {
  readonly model: Model;
  readonly environment: Environment;
  readonly problems: readonly EnvironmentProblem[];
  /** Where a field of an element is written (LoadResult.locate). */
  readonly locate: (ref: ElementRef, path: FieldPath) => Position | undefined;
}

/**
 * Compares the model with what an environment runs (`check --against`): what runs and is
 * not modelled (`drift-unmodelled`, at the manifest's line); what is modelled and does not
 * run (`drift-undeployed`); replicas and images that differ (`drift-replicas`,
 * `drift-image`); and calls the environment's settings show that the model lacks
 * (`drift-dependency`), each at the model's line.
 */
export function driftDiagnostics({ model, environment, problems, locate }: DriftInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: Code, at: Place, message: string) =>
    out.push({ file: at.file, line: at.line, column: at.column, severity: CODES[code].severity, code, message });
  const inModel = (el: Element, path: FieldPath = []): Place => {
    const at = path.length > 0 ? locate(el, path) : undefined;
    return { file: el.source.file, ...(at ?? el.source.start) };
  };
  // A file that cannot be read at all; what it says of itself alone (a `depends_on` naming nothing) is compose's own to refuse.
  const fatal = problems.filter((p) => p.fatal);
  for (const problem of fatal) report('drift-source', problem.at, problem.message);
  if (fatal.length > 0) return out;

  const where = environment.source === 'compose' ? 'the compose file' : 'the manifests';
  const matcher = new ModelMatcher(model);
  const matched = new Map<Workload, Element<'service' | 'resource'>>();
  for (const workload of environment.workloads) {
    const el = matcher.find(workload.name, workload.hostnames);
    if (el) matched.set(workload, el);
    else report('drift-unmodelled', workload.at, `${describe(workload)} runs in ${where} but the model has no service or resource for it`);
  }
  const running = new Set([...matched.values()].map((el) => keyOf(el)));
  for (const service of model.byKind.service.values()) {
    if (running.has(keyOf(service)) || NOT_RUNNING.has(service.data.lifecycle ?? 'active')) continue;
    if (service.data.type === 'mobile-app' || service.data.deployment?.containerized === false) continue;
    report(
      'drift-undeployed',
      inModel(service),
      `service '${service.id}' is in the model but ${where} (${environment.origin}) do not run it`,
    );
  }
  for (const [workload, el] of matched) {
    if (el.kind !== 'service') continue;
    const service = el as Element<'service'>;
    replicas(service, workload, model, inModel, report);
    image(service, workload, inModel, report);
    for (const dependency of workload.dependencies) {
      const target = [...matched].find(([w]) => w.name === dependency.target)?.[1];
      if (!target || modelled(model, service, target)) continue;
      report(
        'drift-dependency',
        inModel(service, service.data.dependencies ? ['dependencies'] : []),
        `service '${service.id}' calls ${target.kind} '${target.id}' where it is deployed (${dependency.via}, ${dependency.at.file}:${dependency.at.line}), but the model does not say so`,
      );
    }
  }
  return out;
}

function describe(workload: Workload): string {
  const details = [
    workload.namespace && workload.namespace !== 'default' ? `namespace ${workload.namespace}` : undefined,
    workload.image ? `image ${workload.image}` : undefined,
  ].filter(Boolean);
  return `${workload.controller} '${workload.name}'${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

type Report = (code: Code, at: Place, message: string) => void;
type InModel = (el: Element, path?: FieldPath) => Place;

/** The model's replicas: the service's own `deployment.replicas`, else what every deployment instance of it says, when they agree. */
function replicas(service: Element<'service'>, workload: Workload, model: Model, inModel: InModel, report: Report): void {
  if (workload.replicas === undefined) return;
  const own = service.data.deployment?.replicas;
  const placed = [...new Set((model.relations.placements.get(keyOf(service)) ?? []).map((p) => p.replicas).filter((r) => r !== undefined))];
  const expected = own ?? (placed.length === 1 ? placed[0] : undefined);
  if (expected === undefined || expected === workload.replicas) return;
  report(
    'drift-replicas',
    inModel(service, own !== undefined ? ['deployment', 'replicas'] : []),
    `service '${service.id}' has ${expected} ${expected === 1 ? 'replica' : 'replicas'} in the model, ${workload.replicas} where it is deployed (${workload.replicasAt ? `${workload.replicasAt.file}:${workload.replicasAt.line}` : workload.at.file})`,
  );
}

/** The model's `deployment.image` against the image that runs: another image, or another version of it. */
function image(service: Element<'service'>, workload: Workload, inModel: InModel, report: Report): void {
  const expected = service.data.deployment?.image;
  if (!expected || !workload.image || expected === workload.image) return;
  const a = imageParts(expected);
  const b = imageParts(workload.image);
  const at = inModel(service, ['deployment', 'image']);
  const seen = workload.imageAt ? ` (${workload.imageAt.file}:${workload.imageAt.line})` : '';
  if (a.repository === b.repository)
    report(
      'drift-image',
      at,
      `service '${service.id}' is version ${a.tag ?? 'latest'} in the model, ${b.tag ?? 'latest'} where it is deployed${seen}`,
    );
  else
    report(
      'drift-image',
      at,
      `service '${service.id}' runs ${workload.image} where it is deployed${seen}, not ${expected} as the model says`,
    );
}

/** Whether the model has `service` use `target` in any way: a call, a store, a component's use, a broker of its events. */
function modelled(model: Model, service: Element<'service'>, target: Element<'service' | 'resource'>): boolean {
  const key = keyOf(target);
  if ((model.relations.calls.get(keyOf(service)) ?? []).some((call) => keyOf(call.to) === key)) return true;
  if (target.kind === 'resource') return (model.relations.resourceUsers.get(target.id) ?? []).some((use) => use.service === service.id);
  return false;
}
