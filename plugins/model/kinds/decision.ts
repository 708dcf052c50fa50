import { decisionSchema } from '../schemas/decision.ts';
import { defineKind, quote } from './define.ts';

/** An architecture decision record, and the technology decision template. */
export const decision = defineKind({
  kind: 'decision',
  folder: 'decisions',
  label: 'Decision',
  plural: 'Decisions',
  sidebar: { position: 60 },
  schema: decisionSchema,
  references: {
    supersedes: { kinds: ['decision'], role: 'superseded decision' },
    affects: { kinds: 'any', role: 'affected element' },
  },
  resolve: (el, r) => {
    el.data.supersedes?.forEach((raw, i) => {
      const target = r.ref('supersedes', ['supersedes', i], raw);
      if (target) r.occurrence('supersedes', ['supersedes', i], target);
    });
    el.data.affects?.forEach((raw, i) => {
      const target = r.ref('affects', ['affects', i], raw);
      if (target) r.relations.affects.add(el.id, target);
    });
  },
  scaffold: {
    extension: 'md',
    text: (c) => `---
title: ${quote(c.name)}
# proposed | accepted | rejected | deprecated | superseded
status: proposed
date: ${c.today}
# deciders: [A. Person]
# supersedes: [<decision id>]
# affects: [${c.service ?? '<element id>'}]
# The technology decision template:
# technology: PostgreSQL
# purpose: What the choice is for.
# alternatives:
#   - { name: MySQL, pros: [Familiar], cons: [Fewer JSON features] }
# rationale: { team_expertise: High, community_support: Strong }
# risks:
#   - { risk: What could go wrong, mitigation: What we do about it }
---

## Context

What forces are at play.

## Decision

What we decided.

## Consequences

What becomes easier, and what harder.
`,
  },
});
