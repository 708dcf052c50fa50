import { domainSchema } from '../schemas/domain.ts';
import { replacedByField, resolveReplacement } from './replacement.ts';
import { defineKind, ownerLine, quote } from './define.ts';

/** A bounded context: its services, and the events they publish. */
export const domain = defineKind({
  kind: 'domain',
  folder: 'domains',
  label: 'Domain',
  plural: 'Domains',
  sidebar: { position: 20 },
  schema: domainSchema,
  references: { owner: { kinds: ['team'], role: 'owner' }, replacedBy: replacedByField(['domain']) },
  resolve: (el, r) => {
    resolveReplacement(r, el.data);
    if (el.data.owner === undefined) return;
    const team = r.ref('owner', ['owner'], el.data.owner);
    if (team) r.relations.owned.add(team.id, r.self);
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A bounded context.
name: ${quote(c.name)}
# core | supporting | generic
type: core
# description: What this domain is about.
${ownerLine(c)}
`,
  },
});
