import { teamSchema } from '../schemas/team.ts';
import { defineKind, quote } from './define.ts';

/** A team that owns domains and services. */
export const team = defineKind({
  kind: 'team',
  folder: 'teams',
  label: 'Team',
  plural: 'Teams',
  sidebar: { position: 150, secondary: true },
  schema: teamSchema,
  references: {},
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A team that owns domains and services.
name: ${quote(c.name)}
# description: What the team does.
# contact: team@example.com
# members: [A. Person]
`,
  },
});
