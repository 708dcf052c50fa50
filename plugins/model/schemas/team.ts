import { z } from 'zod';
import { elementDescription, elementId, elementName } from './common.ts';

/** `teams/`: the teams that own domains, services and the system. */
export const teamSchema = z.strictObject({
  id: elementId,
  name: elementName,
  description: elementDescription,
  contact: z.string().optional().describe('How to reach the team: a channel, an address. Example: "#checkout on Slack".'),
  members: z.array(z.string()).optional().describe('The people on the team, by name.'),
});

export type TeamData = z.infer<typeof teamSchema>;
