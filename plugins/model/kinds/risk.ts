import { riskSchema } from '../schemas/risk.ts';
import { defineKind, quote } from './define.ts';

/** A risk: how likely, how bad, who answers for it and what it threatens. */
export const risk = defineKind({
  kind: 'risk',
  folder: 'risks',
  label: 'Risk',
  plural: 'Risks',
  sidebar: { position: 80 },
  schema: riskSchema,
  references: {
    owner: { kinds: ['team', 'person'], role: 'risk owner' },
    affects: { kinds: 'any', role: 'threatened element' },
  },
  resolve: (el, r) => {
    if (el.data.owner !== undefined) {
      const owner = r.ref('owner', ['owner'], el.data.owner);
      if (owner) r.relations.riskOwners.set(el.id, owner);
    }
    el.data.affects?.forEach((raw, i) => {
      const target = r.ref('affects', ['affects', i], raw);
      if (target) r.relations.riskAffects.add(el.id, target);
    });
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A risk: how likely, how bad, and what is done about it.
title: ${quote(c.name)}
# description: What could happen.
# very-low | low | medium | high | very-high
likelihood: medium
impact: medium
mitigation: What we do about it.
${c.team ? `owner: ${c.team}` : '# owner: <team or person id>'}
# open | mitigating | mitigated | accepted | closed
status: open
# review: ${c.today}
${c.service ? `affects: [${c.service}]` : '# affects: [<element id>]'}
`,
  },
});
