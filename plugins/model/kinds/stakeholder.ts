import { stakeholderSchema } from '../schemas/stakeholder.ts';
import { defineKind, quote } from './define.ts';

/** Someone with a stake in the system: their concerns, influence and interest. */
export const stakeholder = defineKind({
  kind: 'stakeholder',
  folder: 'stakeholders',
  label: 'Stakeholder',
  plural: 'Stakeholders',
  sidebar: { position: 120, secondary: true },
  schema: stakeholderSchema,
  references: { represents: { kinds: ['person', 'team'], role: 'represented person or team' } },
  resolve: (el, r) => {
    el.data.represents?.forEach((raw, i) => {
      const target = r.ref('represents', ['represents', i], raw);
      if (target) r.relations.represents.add(el.id, target);
    });
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# Someone with a stake in the system.
name: ${quote(c.name)}
# description: Who they are.
# concerns: [Cost, Performance]
# influence: high   # low | medium | high
# interest: medium  # low | medium | high
# represents: [${c.team ?? '<team or person id>'}]
`,
  },
});
