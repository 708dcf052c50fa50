import { z } from 'zod';

/** `docs/`: free pages. */
export const docSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  /** Position in the sidebar; lower comes first. */
  order: z.number().optional(),
});

export type DocData = z.infer<typeof docSchema>;
