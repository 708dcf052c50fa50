import { personSchema } from '../schemas/person.ts';
import { CALL_TARGETS, resolveUses } from './calls.ts';
import { defineKind, quote } from './define.ts';

/** Someone who uses the system. */
export const person = defineKind({
  kind: 'person',
  folder: 'people',
  label: 'Person',
  plural: 'People',
  sidebar: { position: 130, secondary: true },
  schema: personSchema,
  references: { uses: { kinds: CALL_TARGETS, role: 'used element' } },
  resolve: (el, r) => {
    resolveUses(r, el.data.uses);
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# Someone who uses the system.
name: ${quote(c.name)}
# description: Who they are and what they want.
# uses:
#   - { target: ${c.service ?? '<service id>'}, description: What they do with it, protocol: HTTPS }
`,
  },
});
