import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A client from the SDK, talking to `archsite mcp` over standard input and output. */
async function connect(cwd: string, content: string): Promise<Client> {
  const client = new Client({ name: 'archsite-test', version: '1.0.0' });
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp', '--content', content, '--today', '2026-01-01'],
      cwd,
      env,
      stderr: 'pipe',
    }),
  );
  return client;
}

const json = (result: Awaited<ReturnType<Client['callTool']>>) => {
  const content = result.content as { type: string; text: string }[];
  return JSON.parse(content[0]!.text) as Record<string, any>;
};

describe('npm run mcp: the model for AI assistants', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(ROOT, 'content');
  });
  afterAll(async () => {
    await client.close();
  });

  it('lists its tools, and the model and each element as resources', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'check',
      'explain_code',
      'find_elements',
      'get_element',
      'impact_of_change',
      'open_risks',
      'scaffold_element',
      'service_neighbourhood',
      'trace_requirement',
    ]);
    for (const tool of tools) expect(tool.description, tool.name).toBeTruthy();
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain('archsite://model.json');
    expect(resources.map((r) => r.uri)).toContain('archsite://elements/service/order-service');
    const model = await client.readResource({ uri: 'archsite://model.json' });
    expect(JSON.parse((model.contents[0] as { text: string }).text)).toMatchObject({ system: { name: expect.any(String) } });
    // Each element's page as text, from its page function, linked under the site's address.
    const page = await client.readResource({ uri: 'archsite://elements/service/order-service' });
    const text = (page.contents[0] as { text: string; mimeType: string }).text;
    expect(page.contents[0]!.mimeType).toBe('text/markdown');
    expect(text.split('\n')[0]).toBe('# Order Service');
    expect(text).toContain('## Events published');
    expect(text).toContain('(https://archsite.github.io/events/order.created/)');
    expect(text).toContain('```mermaid');
    await expect(client.readResource({ uri: 'archsite://elements/service/order-servise' })).rejects.toThrow(/did you mean 'order-service'/);
  });

  it('finds elements by text, kind, domain and team, each with a link to its page', async () => {
    const found = json(await client.callTool({ name: 'find_elements', arguments: { text: 'order service' } }));
    expect(found.results[0]).toMatchObject({
      kind: 'service',
      id: 'order-service',
      link: expect.stringMatching(/\/services\/order-service\/$/),
    });
    const events = json(await client.callTool({ name: 'find_elements', arguments: { kind: 'event' } }));
    expect(events.results.length).toBeGreaterThan(2);
    expect(events.results.every((r: { kind: string }) => r.kind === 'event')).toBe(true);
    const typo = json(await client.callTool({ name: 'find_elements', arguments: { kind: 'servise' } }));
    expect(typo.note).toContain("did you mean 'service'");
  });

  it('answers an element with its relations, a neighbourhood, the impact of a change, risks and traceability', async () => {
    const order = json(await client.callTool({ name: 'get_element', arguments: { id: 'order-service' } }));
    expect(order.relations.calls.map((c: { id: string }) => c.id)).toContain('payment-service');
    const neighbourhood = json(await client.callTool({ name: 'service_neighbourhood', arguments: { id: 'order-service' } }));
    expect(neighbourhood.publishes.map((p: { event: { id: string } }) => p.event.id)).toContain('order.created');
    expect(neighbourhood.diagram.mermaid).toMatch(/^(---[\s\S]*---\n)?flowchart/);
    const impact = json(await client.callTool({ name: 'impact_of_change', arguments: { id: 'payment-service' } }));
    expect(impact.affected.map((a: { id: string }) => a.id)).toContain('order-service');
    const risks = json(await client.callTool({ name: 'open_risks', arguments: {} }));
    expect(Array.isArray(risks)).toBe(true);
    expect(risks.every((r: { status: string }) => ['open', 'mitigating'].includes(r.status))).toBe(true);
    const requirement = json(await client.callTool({ name: 'find_elements', arguments: { kind: 'requirement', limit: 1 } })).results[0];
    const trace = json(await client.callTool({ name: 'trace_requirement', arguments: { id: requirement.id } }));
    expect(trace.requirement.id).toBe(requirement.id);
    expect(Array.isArray(trace.satisfiedBy)).toBe(true);
    const missing = await client.callTool({ name: 'get_element', arguments: { id: 'order-servise' } });
    expect(missing.isError).toBe(true);
    expect((missing.content as { text: string }[])[0]!.text).toContain("did you mean 'order-service'");
  });

  it('runs the check, and explains a code', async () => {
    const checked = json(await client.callTool({ name: 'check', arguments: {} }));
    expect(checked.errors).toBe(0);
    expect(checked.diagnostics.every((d: { file: string; line: number }) => d.file && d.line > 0)).toBe(true);
    const code = json(await client.callTool({ name: 'explain_code', arguments: { code: 'unknown-reference' } }));
    expect(code).toMatchObject({ code: 'unknown-reference', severity: 'error', fix: expect.any(String) });
    expect((await client.callTool({ name: 'explain_code', arguments: { code: 'unknown-referense' } })).isError).toBe(true);
  });

  it('scaffolds a new element when asked, and never writes over one', async () => {
    const root = writeTree(BASE);
    const scratch = await connect(root, 'content');
    try {
      const wrote = json(await scratch.callTool({ name: 'scaffold_element', arguments: { kind: 'service', id: 'payments' } }));
      expect(wrote).toMatchObject({ wrote: 'services/payments.yaml', link: '/services/payments/' });
      expect(readFileSync(path.join(root, 'content/services/payments.yaml'), 'utf8')).toContain('responsibility:');
      const taken = await scratch.callTool({ name: 'scaffold_element', arguments: { kind: 'service', id: 'orders' } });
      expect(taken.isError).toBe(true);
      expect(readFileSync(path.join(root, 'content/services/orders.yaml'), 'utf8')).toBe(BASE['content/services/orders.yaml']);
      // The new element is in the model the next answer reads.
      const found = json(await scratch.callTool({ name: 'get_element', arguments: { id: 'payments' } }));
      expect(found.file).toBe('services/payments.yaml');
      expect(existsSync(path.join(root, 'content/services/x.yaml'))).toBe(false);
    } finally {
      await scratch.close();
    }
  });
});
