import { z } from 'zod';
import { elementDescription } from './common.ts';

/** `docs/`: free pages. */
export const docSchema = z.strictObject({
  title: z.string().min(1).describe('The page’s title, in the sidebar and the search results.'),
  description: elementDescription,
  order: z.number().optional().describe('The page’s place in the sidebar; lower comes first.'),
});

export type DocData = z.infer<typeof docSchema>;
