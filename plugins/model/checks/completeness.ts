import type { Diagnostics } from '../diagnostics.ts';
import type { Model } from '../model.ts';
import { completeness, TEMPLATE_SECTIONS } from '../scorecard.ts';

/** `check --min-completeness N`: each service filling less than N% of the service design template is an error, at the service. */
export function checkCompleteness(model: Model, minimum: number, diagnostics: Diagnostics): void {
  for (const service of model.byKind.service.values()) {
    const score = completeness(service, model);
    if (score.percent >= minimum) continue;
    diagnostics.report(
      'incomplete-service',
      service.source.file,
      service.source.start,
      `service '${service.id}' fills ${score.filled.length} of ${TEMPLATE_SECTIONS.length} template sections (${score.percent}%, below ${minimum}%); missing: ${score.missing.join(', ')}`,
    );
  }
}
