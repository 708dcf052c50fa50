import { eventSchema } from '../schemas/event.ts';
import { replacedByField, resolveReplacement } from './replacement.ts';
import { defineKind, quote } from './define.ts';

/** An event contract: who publishes it, who consumes it, over which broker. */
export const event = defineKind({
  kind: 'event',
  folder: 'events',
  label: 'Event',
  plural: 'Events',
  sidebar: { position: 30 },
  schema: eventSchema,
  references: { broker: { kinds: ['resource'], role: 'broker' }, replacedBy: replacedByField(['event']) },
  resolve: (el, r) => {
    resolveReplacement(r, el.data);
    if (el.data.broker === undefined) return;
    const broker = r.ref('broker', ['broker'], el.data.broker);
    if (broker) r.relations.brokers.set(el.id, broker.id);
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# An event contract.
name: ${quote(c.name)}
# description: When it is emitted, and what it means.
# version: "1.0"
# channel: ${'<topic>'}
# broker: <resource id>
# schema: ./${'<file>'}.schema.json
# example: { id: "123" }
`,
  },
});
