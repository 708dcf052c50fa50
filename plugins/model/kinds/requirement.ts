import { requirementSchema } from '../schemas/requirement.ts';
import { defineKind, quote } from './define.ts';

/** A requirement, functional or not, traced to the elements that satisfy it. */
export const requirement = defineKind({
  kind: 'requirement',
  folder: 'requirements',
  label: 'Requirement',
  plural: 'Requirements',
  sidebar: { position: 70 },
  schema: requirementSchema,
  references: {
    satisfiedBy: { kinds: 'any', role: 'satisfying element' },
    raisedBy: { kinds: ['stakeholder', 'person', 'team'], role: 'stakeholder' },
  },
  resolve: (el, r) => {
    el.data.satisfiedBy?.forEach((raw, i) => {
      const target = r.ref('satisfiedBy', ['satisfiedBy', i], raw);
      if (target) r.relations.satisfiedBy.add(el.id, target);
    });
    el.data.raisedBy?.forEach((raw, i) => {
      const target = r.ref('raisedBy', ['raisedBy', i], raw);
      if (target) r.relations.raisedBy.add(el.id, target);
    });
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A requirement: functional (a user story) or non-functional (a measurable target).
title: ${quote(c.name)}
type: functional
story: As a <role>, I want <something>, so that <benefit>.
# acceptance:
#   - What must hold for it to be met
# For a non-functional requirement instead:
# type: non-functional
# category: performance   # performance | availability | scalability | security | compliance | recovery | …
# target: { metric: latency_p99, value: 200, unit: ms }
# must | should | could | wont
priority: should
# proposed | accepted | implemented | verified | rejected
status: proposed
${c.service ? `satisfiedBy: [${c.service}]` : '# satisfiedBy: [<element id>]'}
# raisedBy: [<stakeholder id>]
`,
  },
});
