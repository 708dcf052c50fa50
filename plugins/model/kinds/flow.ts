import type { FlowStep } from '../model.ts';
import { flowSchema } from '../schemas/flow.ts';
import { defineKind, quote } from './define.ts';

/** Who can take part in a flow. */
const PARTICIPANTS = ['person', 'system', 'service', 'resource'] as const;

/** A flow between people, systems, services and resources, drawn as a sequence diagram. */
export const flow = defineKind({
  kind: 'flow',
  folder: 'flows',
  label: 'Flow',
  plural: 'Flows',
  sidebar: { position: 100 },
  schema: flowSchema,
  references: {
    from: { kinds: PARTICIPANTS, role: 'sender' },
    to: { kinds: PARTICIPANTS, role: 'receiver' },
  },
  resolve: (el, r) => {
    const steps: FlowStep[] = [];
    el.data.steps.forEach((step, i) => {
      const from = r.ref('from', ['steps', i, 'from'], step.from);
      const to = r.ref('to', ['steps', i, 'to'], step.to);
      if (from && to) steps.push({ from, to, message: step.message, reply: step.reply ?? false });
    });
    r.relations.flowSteps.set(el.id, steps);
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A flow between people, external systems, services and resources, drawn as a sequence diagram.
title: ${quote(c.name)}
# description: What the flow achieves.
steps:
${c.service ? `  - { from: ${c.service}, to: ${c.service}, message: Does the first thing }` : '  - { from: <element id>, to: <element id>, message: Does the first thing }'}
#  - { from: <element id>, to: <element id>, message: Answers, reply: true }
`,
  },
});
