import { z } from 'zod';
import { elementDescription, elementId, elementName, id, reference } from './common.ts';

const replicas = z.number().int().nonnegative().optional().describe('How many instances run on this node.');
const instanceDescription = z.string().optional().describe('More about this instance: its role on the node.');

/** What runs on a node: a service or a resource, with its replicas. */
const instance = z
  .union([
    z.strictObject({ service: reference.describe('The service that runs here, by id.'), replicas, description: instanceDescription }),
    z.strictObject({ resource: reference.describe('The resource that runs here, by id.'), replicas, description: instanceDescription }),
  ])
  .describe('What runs on the node: { service } or { resource }, with its replicas.');

export interface DeploymentNodeData {
  id: string;
  name: string;
  technology?: string | undefined;
  description?: string | undefined;
  instances?: z.infer<typeof instance>[] | undefined;
  fronts?: string[] | undefined;
  nodes?: DeploymentNodeData[] | undefined;
}

const node: z.ZodType<DeploymentNodeData> = z.lazy(() =>
  z
    .strictObject({
      id: id.describe('The node’s id, unique within the deployment.'),
      name: z.string().min(1).describe('The node’s name: "EKS cluster", "eu-west-1".'),
      technology: z.string().optional().describe('What the node is: Kubernetes 1.29, AWS region, PostgreSQL on RDS.'),
      description: z.string().optional().describe('More about the node.'),
      instances: z.array(instance).optional().describe('The services and resources that run on it.'),
      fronts: z
        .array(reference.describe('A service this node sends incoming traffic to, by id.'))
        .optional()
        .describe(
          'For a load balancer, an ingress, an API gateway or a CDN: the services it routes incoming traffic to. The deployment view connects it to their instances.',
        ),
      nodes: z.array(node).optional().describe('The nodes inside it: a cluster in a region, a namespace in a cluster.'),
    })
    .describe('A deployment node: a region, cluster, machine or managed service.'),
);

/** `deployments/`: one environment as nested deployment nodes. */
export const deploymentSchema = z.strictObject({
  id: elementId,
  name: elementName,
  description: elementDescription,
  nodes: z.array(node).optional().describe('The environment’s nodes, nested as they contain each other.'),
});

export type DeploymentData = z.infer<typeof deploymentSchema>;
export type DeploymentInstance = z.infer<typeof instance>;
