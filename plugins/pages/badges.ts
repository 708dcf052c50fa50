import type { DecisionStatus } from '../model/schemas/decision.ts';
import type { DomainData } from '../model/schemas/domain.ts';
import { serviceTypeLabel } from '../model/names.ts';
import type { ServiceType } from '../model/schemas/service.ts';
import type { Badge, BadgeVariant } from './view.ts';

/** One colour per decision status, on every page and in the sidebar. */
export const STATUS_VARIANT: Readonly<Record<DecisionStatus, BadgeVariant>> = {
  accepted: 'success',
  proposed: 'note',
  rejected: 'danger',
  deprecated: 'caution',
  superseded: 'default',
};

/** One colour per domain type, wherever a domain's type is shown. */
const DOMAIN_VARIANT: Readonly<Record<DomainData['type'], BadgeVariant>> = {
  core: 'success',
  supporting: 'note',
  generic: 'default',
};

export function statusBadge(status: DecisionStatus): Badge {
  return { text: status, variant: STATUS_VARIANT[status] };
}

export function domainTypeBadge(type: DomainData['type']): Badge {
  return { text: type, variant: DOMAIN_VARIANT[type] };
}

export function serviceTypeBadge(type: ServiceType | undefined): Badge {
  return { text: serviceTypeLabel(type), variant: 'note' };
}
