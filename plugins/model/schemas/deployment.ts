import { z } from 'zod';
import { id, reference } from './common.ts';

/** What runs on a node: a service or a resource, with its replicas. */
const instance = z.union([
  z.strictObject({ service: reference, replicas: z.number().int().nonnegative().optional(), description: z.string().optional() }),
  z.strictObject({ resource: reference, replicas: z.number().int().nonnegative().optional(), description: z.string().optional() }),
]);

export interface DeploymentNodeData {
  id: string;
  name: string;
  technology?: string | undefined;
  description?: string | undefined;
  instances?: z.infer<typeof instance>[] | undefined;
  nodes?: DeploymentNodeData[] | undefined;
}

const node: z.ZodType<DeploymentNodeData> = z.lazy(() =>
  z.strictObject({
    id,
    name: z.string().min(1),
    technology: z.string().optional(),
    description: z.string().optional(),
    instances: z.array(instance).optional(),
    nodes: z.array(node).optional(),
  }),
);

/** `deployments/`: one environment as nested deployment nodes. */
export const deploymentSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  nodes: z.array(node).optional(),
});

export type DeploymentData = z.infer<typeof deploymentSchema>;
export type DeploymentInstance = z.infer<typeof instance>;
