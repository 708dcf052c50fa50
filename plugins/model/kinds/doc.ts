import { docSchema } from '../schemas/doc.ts';
import { defineKind, quote } from './define.ts';

/** A free page of prose: Markdown only. */
export const doc = defineKind({
  kind: 'doc',
  folder: 'docs',
  label: 'Page',
  plural: 'Pages',
  sidebar: { position: 110 },
  markdownOnly: true,
  schema: docSchema,
  references: {},
  scaffold: {
    extension: 'md',
    text: (c) => `---
title: ${quote(c.name)}
# description: One line on what this page is for.
# order: 10
---

Write here. Link elements by their file: [a service](../services/${c.service ?? '<service id>'}.yaml).
`,
  },
});
