import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { buildView, viewOptions } from '../diagrams/index.ts';
import type { CheckStore } from '../model/check-store.ts';
import { exportModel } from '../model/export.ts';
import { isKind, kindInfo, KIND_NAMES } from '../model/kinds.ts';
import { loadModel, type LoadResult } from '../model/load.ts';
import type { Element, Model } from '../model/model.ts';
import { nameFromId } from '../model/names.ts';
import { ID_PATTERN, ID_RULE } from '../model/schemas/common.ts';
import { todayOf } from '../model/reviews.ts';
import { pageText } from '../pages/page-text.ts';
import { pageSite } from './page-site.ts';
import {
  checkAnswer,
  elementWithRelations,
  explainCode,
  findElements,
  impactOf,
  lookup,
  openRisks,
  pageLink,
  summary,
  traceRequirement,
} from './answers.ts';

export interface ServerOptions {
  readonly contentDir: string;
  /** The day reviews fall due against (`--today`); the clock's when unset. */
  readonly today?: string | undefined;
  readonly version: string;
  /** What earlier checks read (the CLI's store on disk): files whose text is unchanged are not parsed again. */
  readonly store?: (() => CheckStore) | undefined;
}

/** A tool's answer: the data as JSON text, and as structured content for the clients that read it. */
const answer = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }] });
const refused = (message: string) => ({ content: [{ type: 'text' as const, text: message }], isError: true });

/**
 * The MCP server (`npm run mcp`): the checked model of one content folder, read again for
 * every call, so that an answer is never older than the content (with the check's store, only
 * files whose text changed are parsed again), served to
 * an AI assistant as tools and resources. Every element in an answer links to its page.
 */
export function createServer(options: ServerOptions): McpServer {
  const server = new McpServer({ name: 'archsite', version: options.version });
  const load = async (): Promise<LoadResult & { model: Model }> => {
    const store = options.store?.();
    const result = await loadModel({ contentDir: options.contentDir, store, today: options.today ?? todayOf(new Date()) });
    store?.save();
    if (!result.model)
      throw new Error(`the content in ${options.contentDir} does not check (system.yaml is missing or broken): run npm run check`);
    return result as LoadResult & { model: Model };
  };
  const withModel =
    <A>(work: (model: Model, args: A, result: LoadResult) => unknown) =>
    async (args: A) => {
      try {
        const result = await load();
        const value = work(result.model, args, result);
        return value !== null && typeof value === 'object' && 'error' in value ? refused(String(value.error)) : answer(value);
      } catch (error) {
        return refused(error instanceof Error ? error.message : String(error));
      }
    };
  const tools: Tools = { server, withModel, load, contentDir: options.contentDir, today: options.today ?? todayOf(new Date()) };
  registerElementTools(tools);
  registerReviewTools(tools);
  registerResources(tools);

  return server;
}

/** What the tool registrations share: the server, and a way to answer from the model as it is now. */
interface Tools {
  readonly server: McpServer;
  readonly withModel: <A>(
    work: (model: Model, args: A, result: LoadResult) => unknown,
  ) => (args: A) => Promise<ReturnType<typeof answer> | ReturnType<typeof refused>>;
  readonly load: () => Promise<LoadResult & { model: Model }>;
  readonly contentDir: string;
  readonly today: string;
}

const KINDS_TEXT = `one of ${KIND_NAMES.join(', ')}`;
const element = (model: Model, id: string, kind?: string): Element | { error: string } => lookup(model, id, kind);

/** Finding elements, one element with its relations, a service's neighbourhood. */
function registerElementTools({ server, withModel }: Tools): void {
  const kinds = KINDS_TEXT;
  server.registerTool(
    'find_elements',
    {
      title: 'Find elements',
      description:
        'Find elements of the architecture by text (every word must appear in the id, name, description or fields), kind, domain or team. Each result links to its page.',
      inputSchema: {
        text: z.string().optional().describe('Words to look for, any case.'),
        kind: z.string().optional().describe(`The kind: ${kinds}.`),
        domain: z.string().optional().describe('A domain id: services of that domain.'),
        team: z.string().optional().describe('A team id: elements it owns.'),
        limit: z.number().int().positive().max(200).optional().describe('At most this many results (25 by default).'),
      },
      annotations: { readOnlyHint: true },
    },
    withModel(
      (
        model,
        args: {
          text?: string | undefined;
          kind?: string | undefined;
          domain?: string | undefined;
          team?: string | undefined;
          limit?: number | undefined;
        },
      ) => findElements(model, args),
    ),
  );

  server.registerTool(
    'get_element',
    {
      title: 'An element with its relations',
      description:
        'One element: its fields, and every relation the model computes (calls both ways, producers and consumers, where it runs, decisions, risks, requirements, flows).',
      inputSchema: {
        id: z.string().describe('The element id.'),
        kind: z.string().optional().describe(`The kind, where the id is taken in several: ${kinds}.`),
      },
      annotations: { readOnlyHint: true },
    },
    withModel((model, { id, kind }: { id: string; kind?: string | undefined }) => {
      const el = element(model, id, kind);
      return 'error' in el ? el : elementWithRelations(model, el);
    }),
  );

  server.registerTool(
    'service_neighbourhood',
    {
      title: 'A service’s neighbourhood and event flows',
      description:
        'What a service calls and what calls it, the events it publishes with their consumers and the events it consumes with their producers, and its neighbourhood as a mermaid diagram.',
      inputSchema: { id: z.string().describe('The service id.') },
      annotations: { readOnlyHint: true },
    },
    withModel((model, { id }: { id: string }) => {
      const el = element(model, id, 'service');
      if ('error' in el) return el;
      const service = el as Element<'service'>;
      const r = model.relations;
      const view = buildView(model, 'neighbourhood', id, viewOptions('/'));
      const ref = (kind: 'service' | 'event', ref: string) => summary(model, model.byKind[kind].get(ref)!);
      return {
        service: summary(model, service),
        calls: (r.calls.get(`service:${id}`) ?? []).map((c) => ({ to: c.to, protocol: c.protocol, link: pageLink(model, c.to) })),
        calledBy: (r.callers.get(`service:${id}`) ?? []).map((c) => ({
          from: c.from,
          protocol: c.protocol,
          link: pageLink(model, c.from),
        })),
        publishes: (service.data.events?.publishes ?? []).map((event) => ({
          event: ref('event', event),
          consumers: (r.consumers.get(event) ?? []).map((s) => ref('service', s)),
        })),
        consumes: [...new Set([...r.consumers].filter(([, ids]) => ids.includes(id)).map(([event]) => event))].map((event) => ({
          event: ref('event', event),
          producers: (r.producers.get(event) ?? []).map((s) => ref('service', s)),
        })),
        diagram: view ? { title: view.title, mermaid: view.text } : undefined,
      };
    }),
  );
}

/** The check and its codes, the impact of a change, traceability, risks, and starting a new element. */
function registerReviewTools({ server, withModel, contentDir }: Tools): void {
  const kinds = KINDS_TEXT;
  server.registerTool(
    'check',
    {
      title: 'Check the architecture',
      description: 'Run archsite’s check: every diagnostic with its file, line, column, severity, code and message.',
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    withModel((_model, _args: unknown, result) => checkAnswer(result.diagnostics)),
  );

  server.registerTool(
    'explain_code',
    {
      title: 'Explain a diagnostic code',
      description: 'What a diagnostic code of archsite’s check means, its severity, and how to fix it.',
      inputSchema: { code: z.string().describe('The code, as check prints it: unknown-reference.') },
      annotations: { readOnlyHint: true },
    },
    async ({ code }: { code: string }) => {
      const value = explainCode(code);
      return 'error' in value ? refused(value.error) : answer(value);
    },
  );

  server.registerTool(
    'impact_of_change',
    {
      title: 'Who is affected by a change',
      description:
        'Who is affected by changing an element: its callers (and theirs, up to three steps), the consumers of its events, the services of a resource, and the decisions, flows and requirements that name it.',
      inputSchema: {
        id: z.string().describe('The element id.'),
        kind: z.string().optional().describe(`The kind, where the id is taken in several: ${kinds}.`),
        depth: z.number().int().min(1).max(6).optional().describe('How many steps of callers to follow (3 by default).'),
      },
      annotations: { readOnlyHint: true },
    },
    withModel((model, { id, kind, depth }: { id: string; kind?: string | undefined; depth?: number | undefined }) => {
      const el = element(model, id, kind);
      return 'error' in el ? el : impactOf(model, el, depth);
    }),
  );

  server.registerTool(
    'trace_requirement',
    {
      title: 'Trace a requirement',
      description: 'A requirement with who raised it and the elements that satisfy it.',
      inputSchema: { id: z.string().describe('The requirement id.') },
      annotations: { readOnlyHint: true },
    },
    withModel((model, { id }: { id: string }) => traceRequirement(model, id)),
  );

  server.registerTool(
    'open_risks',
    {
      title: 'Open risks',
      description: 'Risks that are open or being mitigated, the gravest first (likelihood × impact), with what they threaten.',
      inputSchema: { all: z.boolean().optional().describe('Also the mitigated and accepted ones (never the closed).') },
      annotations: { readOnlyHint: true },
    },
    withModel((model, { all }: { all?: boolean | undefined }) => openRisks(model, all)),
  );

  server.registerTool(
    'scaffold_element',
    {
      title: 'Start a new element',
      description:
        'Write a new element file from its kind’s template, every section present and commented (as npm run new does). Never writes over a file: an existing id or file is refused.',
      inputSchema: { kind: z.string().describe(`The kind: ${kinds}.`), id: z.string().describe(`The new id: ${ID_RULE}.`) },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    withModel((model, { kind, id }: { kind: string; id: string }) => scaffold(model, contentDir, kind, id)),
  );
}

/** The model as JSON, and each element's page as a resource. */
function registerResources({ server, load, today }: Tools): void {
  server.registerResource(
    'model',
    'archsite://model.json',
    {
      title: 'The model as JSON',
      description: 'Every element with its fields and resolved relations (the site’s /model.json).',
      mimeType: 'application/json',
    },
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(exportModel((await load()).model), null, 2) }],
    }),
  );

  server.registerResource(
    'page',
    new ResourceTemplate('archsite://elements/{kind}/{id}', {
      list: async () => {
        const { model } = await load();
        return {
          resources: model.elements
            .filter((el) => el.kind !== 'doc')
            .map((el) => ({
              uri: `archsite://elements/${el.kind}/${encodeURIComponent(el.id)}`,
              name: `${kindInfo(el.kind).label}: ${summary(model, el).name}`,
              mimeType: 'text/markdown',
            })),
        };
      },
    }),
    {
      title: 'An element’s page, as text',
      description:
        'What an element’s page on the site says, as Markdown, from the same page function: its sections, links and diagrams (as mermaid).',
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const result = await load();
      const el = lookup(result.model, decodeURIComponent(String(variables.id)), String(variables.kind));
      if ('error' in el) throw new Error(el.error);
      const text = pageText(pageSite(result, today), el.kind, el.id) ?? '';
      // Links to the site's pages, absolute where system.yaml gives its address.
      const url = result.model.system.data.url?.replace(/\/+$/, '');
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: url ? text.replace(/\]\(\//g, `](${url}/`) : text }] };
    },
  );
}

/** Writes a new element from its kind's scaffold, as `npm run new` does; refuses an id or file that exists. */
function scaffold(model: Model, contentDir: string, written: string, id: string): { error: string } | { wrote: string; link: string } {
  if (!isKind(written)) return { error: `no kind '${written}'; kinds: ${KIND_NAMES.join(', ')}` };
  if (!ID_PATTERN.test(id)) return { error: `'${id}' cannot be an id: ${ID_RULE}` };
  const existing = model.byKind[written].get(id);
  if (existing) return { error: `${written} '${id}' already exists, in ${existing.source.path}: archsite never writes over a file` };
  const { folder, scaffold: template } = kindInfo(written);
  const first = (k: 'domain' | 'team' | 'service') => [...model.byKind[k].keys()][0];
  const text = template.text({
    name: nameFromId(id),
    domain: first('domain'),
    team: first('team'),
    service: first('service'),
    today: new Date().toISOString().slice(0, 10),
  });
  const dir = path.resolve(contentDir, folder);
  const file = path.join(dir, `${id}.${template.extension}`);
  if (['yaml', 'yml', 'md', 'mdx'].some((ext) => existsSync(path.join(dir, `${id}.${ext}`))))
    return { error: `${folder}/${id} exists already: archsite never writes over a file` };
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    return { error: `cannot write ${folder}/${id}.${template.extension}: ${(error as Error).message}` };
  }
  return { wrote: path.relative(contentDir, file).split(path.sep).join('/'), link: pageLink(model, { kind: written, id }) };
}
