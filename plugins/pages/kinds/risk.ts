import { riskPage } from '../risk-page.ts';
import { definePageKind } from './define.ts';
import { domainOfRef, teamName } from './facet-names.ts';

/** Risks are listed by the risk register (`/risks/`), which has an index of its own. */
export const riskPages = definePageKind<'risk'>({
  page: riskPage,
  facets: (site, el) => {
    const owner = site.model.relations.riskOwners.get(el.id);
    return {
      status: [el.data.status],
      team: [owner?.kind === 'team' ? teamName(site, owner.id) : undefined],
      domain: (site.model.relations.riskAffects.get(el.id) ?? []).map((ref) => domainOfRef(site, ref)),
    };
  },
});
