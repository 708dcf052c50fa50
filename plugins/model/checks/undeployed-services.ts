import type { Check } from './context.ts';

/** Not built yet, or gone: nothing to deploy. */
const NOT_RUNNING = new Set(['proposed', 'planned', 'retired']);

/** When deployments exist, every service in use (not only planned, not retired) should run in at least one of them. */
export const checkUndeployedServices: Check = ({ model, invalid, diagnostics }) => {
  // An invalid deployment may run anything: say nothing until it is fixed.
  if (model.byKind.deployment.size === 0 || invalid.some((el) => el.kind === 'deployment')) return;
  for (const service of model.byKind.service.values()) {
    if (model.relations.placements.has(`service:${service.id}`) || NOT_RUNNING.has(service.data.lifecycle ?? 'active')) continue;
    diagnostics.report(
      'undeployed-service',
      service.source.file,
      service.source.start,
      `service '${service.id}' is not run by any deployment`,
    );
  }
};
