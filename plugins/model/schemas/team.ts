import { z } from 'zod';
import { id } from './common.ts';

/** `teams/`: the teams that own domains, services and the system. */
export const teamSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  /** How to reach the team: a channel, an address. @example "#checkout on Slack" */
  contact: z.string().optional(),
  /** People on the team, by name. */
  members: z.array(z.string()).optional(),
});

export type TeamData = z.infer<typeof teamSchema>;
