import { architecturePage } from './architecture-page.ts';
import { changesPage } from './changes-page.ts';
import { glossaryPage } from './glossary.ts';
import { homePage } from './home-page.ts';
import { nfrPage } from './nfr-page.ts';
import { permissionMatrixPage } from './permission-matrix-page.ts';
import { riskRegisterPage } from './risk-register-page.ts';
import { scorecardPage } from './scorecard-page.ts';
import { securityPage } from './security-page.ts';
import type { Site } from './site.ts';
import { traceabilityPage } from './traceability-page.ts';

/**
 * The pages that are not an element's nor a kind's index, by route: the fixed pages, and the
 * registers that stand in for an index (risks, roles). Every fixed route (model/routes.ts) is here:
 * the guards check it.
 */
export const OVERVIEW_PAGES: ReadonlyMap<string, (site: Site) => unknown> = new Map<string, (site: Site) => unknown>([
  ['/', homePage],
  ['/architecture/', architecturePage],
  ['/changes/', changesPage],
  ['/glossary/', glossaryPage],
  ['/traceability/', traceabilityPage],
  ['/security/', securityPage],
  ['/nfr/', nfrPage],
  ['/scorecard/', scorecardPage],
  ['/risks/', riskRegisterPage],
  ['/roles/', permissionMatrixPage],
]);
