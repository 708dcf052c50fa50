import { externalSystemSchema } from '../schemas/external-system.ts';
import { CALL_TARGETS, resolveUses } from './calls.ts';
import { replacedByField, resolveReplacement } from './replacement.ts';
import { defineKind, quote } from './define.ts';

/** A system outside the architecture that uses it or that it uses. */
export const externalSystem = defineKind({
  kind: 'system',
  folder: 'systems',
  label: 'External system',
  plural: 'External systems',
  sidebar: { position: 140, secondary: true },
  schema: externalSystemSchema,
  references: { uses: { kinds: CALL_TARGETS, role: 'used element' }, replacedBy: replacedByField(['system']) },
  resolve: (el, r) => {
    resolveReplacement(r, el.data);
    resolveUses(r, el.data.uses);
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# An external system the architecture depends on, or that depends on it.
name: ${quote(c.name)}
# description: What it is.
# url: https://example.com
# uses:
#   - { target: ${c.service ?? '<service id>'}, protocol: REST }
`,
  },
});
