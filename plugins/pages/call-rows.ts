import { kindInfo } from '../model/kinds.ts';
import type { Call, ElementRef } from '../model/model.ts';
import { linkTo } from './links.ts';
import type { Site } from './site.ts';
import type { CallRow } from './view.ts';

/** Calls as table rows, showing the `side` end of each: linked where the element exists. */
export function callRows(site: Site, calls: readonly Call[], side: 'to' | 'from'): CallRow[] {
  return calls.map((call) => {
    const ref: ElementRef = call[side];
    return {
      target: linkTo(site, ref) ?? { text: ref.id, kind: kindInfo(ref.kind).label },
      protocol: call.protocol ?? '',
      description: call.description ?? '',
    };
  });
}
