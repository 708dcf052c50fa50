import path from 'node:path';
import type { DiagramView } from '../diagrams/index.ts';
import { layerName } from '../diagrams/components.ts';
import { keyOf, type Element } from '../model/model.ts';
import { consumedIds, placementsOf } from '../model/queries.ts';
import { domainTypeBadge, serviceTypeBadge } from './badges.ts';
import type { OpenApiDescription } from '../model/apis/api-description.ts';
import { protoScope } from '../model/apis/proto-scope.ts';
import { matchRest } from '../model/apis/rest-match.ts';
import {
  asyncApiView,
  graphqlView,
  messageEvents,
  openApiView,
  protoView,
  type AsyncApiView,
  type GraphqlView,
  type OpenApiView,
  type ProtoView,
} from './api-contracts.ts';
import { bodyOf } from './body.ts';
import { callRows } from './call-rows.ts';
import { placementItems, type PlacementItem } from './placements.ts';
import { decisionsAbout } from './decisions.ts';
import { viewOf } from './diagram.ts';
import { firstUses, glossaryHref, withTerms } from './glossary.ts';
import { fields, slosText } from './labels.ts';
import { linkTo, serviceLinks } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { versionsView, type VersionsView } from './versions.ts';
import { elementHref, fileHref } from './urls.ts';
import {
  section,
  sectionHeadings,
  type Badge,
  type CallRow,
  type DecisionItem,
  type ElementLink,
  type Field,
  type Link,
  type PageHead,
  type PageSection,
} from './view.ts';

export interface ServicePage {
  readonly head: PageHead;
  readonly type: Badge;
  readonly domain?: ElementLink | undefined;
  readonly owner?: ElementLink | undefined;
  readonly neighbourhood: DiagramView | null;
  /** The template's sections, then what the model computes: only those with something to show, in order. */
  readonly sections: readonly ServiceSection[];
}

/** The sections that list fields as written: the template's NFRs, stack, deployment, security and monitoring. */
type FieldSection = 'nfr' | 'stack' | 'deployment' | 'security' | 'monitoring';

/** A section of a service's page: its id names what it holds. */
export type ServiceSection =
  | PageSection<'responsibility', { readonly text: string; readonly description?: string | undefined; readonly body?: string | undefined }>
  | PageSection<
      'bounded-context',
      {
        readonly domain: ElementLink;
        readonly type: Badge;
        /** Where the glossary explains the domain's type. */
        readonly typeHref: string;
        readonly description?: string | undefined;
      }
    >
  | PageSection<
      'data-ownership',
      {
        readonly diagram: DiagramView | null;
        readonly entities: readonly string[];
        readonly stores: readonly { readonly link: Link; readonly detail: string }[];
      }
    >
  | PageSection<'apis', { readonly apis: ServiceApis }>
  /** The earlier versions of its OpenAPI description, from git, and what changed between any two. */
  | PageSection<'api-versions', { readonly versions: VersionsView }>
  | PageSection<'events-published', { readonly events: readonly { readonly link: Link; readonly description?: string | undefined }[] }>
  | PageSection<'events-consumed', { readonly events: readonly { readonly link: Link; readonly producers: readonly ElementLink[] }[] }>
  | PageSection<
      'dependencies',
      {
        readonly calls: readonly CallRow[];
        /** The services whose events this one consumes, by name. */
        readonly asyncSources: readonly ElementLink[];
      }
    >
  | PageSection<FieldSection, { readonly fields: readonly Field[] }>
  | PageSection<'components', { readonly diagram: DiagramView | null; readonly layers: readonly ComponentLayer[] }>
  | PageSection<'called-by', { readonly calls: readonly CallRow[] }>
  | PageSection<'event-consumers', { readonly events: readonly { readonly event: Link; readonly consumers: readonly ElementLink[] }[] }>
  | PageSection<'runs-in', { readonly placements: readonly PlacementItem[] }>
  | PageSection<'decisions', { readonly items: readonly DecisionItem[] }>;

export interface ServiceApis {
  /**
   * The REST endpoints: the OpenAPI description's operations, each linked to its details, when
   * the service has one; else `apis.rest` as written. An `apis.rest` entry the description
   * does not hold is listed too, marked (the check warns about it).
   */
  readonly rest: readonly {
    readonly method: string;
    readonly path: string;
    readonly summary: string;
    readonly href?: string | undefined;
    readonly note?: string | undefined;
  }[];
  readonly grpc: readonly { readonly name: string; readonly summary?: string | undefined }[];
  readonly rpc: readonly {
    readonly protocol: string;
    readonly summary?: string | undefined;
    readonly methods: readonly { readonly name: string; readonly summary?: string | undefined }[];
  }[];
  /** The API description files that are not shown below: published elsewhere (a URL), or not valid. */
  readonly files: readonly { readonly label: string; readonly link: Link }[];
  readonly openapi?: OpenApiView | undefined;
  readonly asyncapi?: AsyncApiView | undefined;
  readonly proto?: ProtoView | undefined;
  readonly graphql?: GraphqlView | undefined;
}

export interface ComponentLayer {
  readonly title: string;
  readonly components: readonly {
    readonly anchor: string;
    readonly name: string;
    readonly description?: string | undefined;
    readonly technology: string;
    readonly uses: readonly Link[];
  }[];
}

/** Everything a service's page shows: the template's sections, then what the model computes about it. */
export function servicePage(site: Site, id: string): ServicePage {
  const { model, base } = site;
  const rel = model.relations;
  const el = model.byKind.service.get(id);
  if (!el) throw new Error(`archsite: no service "${id}"`);
  const d = el.data;
  const key = keyOf(el);
  const domainEl = model.byKind.domain.get(d.domain);
  const domain = linkTo(site, { kind: 'domain', id: d.domain });
  const published = (d.events?.publishes ?? []).flatMap((e) => {
    const event = model.byKind.event.get(e);
    return event ? [{ link: { text: e, href: elementHref(event, base) }, description: event.data.description }] : [];
  });
  const consumedEvents = consumedIds(d).filter((e) => model.byKind.event.has(e));
  const consumed = consumedEvents.map((e) => ({
    link: { text: e, href: elementHref({ kind: 'event', id: e }, base) },
    producers: serviceLinks(site, rel.producers.get(e) ?? []),
  }));
  const asyncSources = serviceLinks(
    site,
    [...new Set(consumedEvents.flatMap((e) => rel.producers.get(e) ?? []))].filter((s) => s !== id),
  );
  const stores = (d.data?.stores ?? []).flatMap((r) => {
    const resource = model.byKind.resource.get(r);
    return resource
      ? [
          {
            link: { text: resource.data.name, href: elementHref(resource, base) },
            detail: `${rel.categories.get(r)}, ${resource.data.technology ?? resource.data.type}`,
          },
        ]
      : [];
  });
  const eventConsumers = (d.events?.publishes ?? [])
    .map((e) => ({
      event: { text: e, href: elementHref({ kind: 'event', id: e }, base) },
      consumers: serviceLinks(site, rel.consumers.get(e) ?? []),
    }))
    .filter((e) => e.consumers.length > 0 && model.byKind.event.has(e.event.text));
  const apis = serviceApis(site, el);
  const components = componentLayers(site, el);
  const calls = callRows(site, rel.calls.get(key) ?? [], 'to');
  const calledBy = callRows(site, rel.callers.get(key) ?? [], 'from');
  const runsIn = placementItems(site, placementsOf(site.model, id));
  const decisions = decisionsAbout(site, el);
  // The first use of each glossary term links to it, in the order of the page's sections.
  const term = firstUses(base);
  const slos = slosText(d.slos);
  const nfr = withTerms([...fields(d.nfr), ...(slos ? [{ label: 'SLOs', value: slos }] : [])], term);
  const stack = fields(d.stack);
  const deployment = fields(d.deployment);
  const security = withTerms(fields(d.security), term);
  const monitoring = withTerms(fields(d.monitoring), term);
  const entityNames = d.data?.entities ?? [];
  // A valid description file alone is an API to show (a service whose only API is a GraphQL schema).
  const openapiPath = typeof el.data.apis?.openapi === 'string' ? el.data.apis.openapi : '';
  const apiVersions = versionsView(site, `service:${id}`, /\.json$/i.test(openapiPath) ? 'json' : 'yaml');
  const hasApis =
    apis.rest.length + apis.grpc.length + apis.rpc.length + apis.files.length > 0 ||
    !!(apis.openapi ?? apis.asyncapi ?? apis.proto ?? apis.graphql);
  const sections: ServiceSection[] = [
    ...section('responsibility', 'Responsibility', true, { text: d.responsibility, description: d.description, body: bodyOf(el) }),
    ...(domainEl && domain
      ? section('bounded-context', 'Bounded context', true, {
          domain,
          type: domainTypeBadge(domainEl.data.type),
          typeHref: glossaryHref(`${domainEl.data.type}-domain`, base),
          description: domainEl.data.description,
        })
      : []),
    ...section('data-ownership', 'Data ownership', entityNames.length > 0 || stores.length > 0, {
      diagram: viewOf(site, 'entities', id),
      entities: entityNames,
      stores,
    }),
    ...section('apis', 'APIs', hasApis, { apis }),
    ...(apiVersions ? section('api-versions', 'API versions', true, { versions: apiVersions }) : []),
    ...section('events-published', 'Events published', published.length > 0, { events: published }),
    ...section('events-consumed', 'Events consumed', consumed.length > 0, { events: consumed }),
    ...section('dependencies', 'Dependencies', calls.length > 0 || asyncSources.length > 0, { calls, asyncSources }),
    ...section('nfr', 'Non-functional requirements', nfr.length > 0, { fields: nfr }),
    ...section('stack', 'Technology stack', stack.length > 0, { fields: stack }),
    ...section('deployment', 'Deployment', deployment.length > 0, { fields: deployment }),
    ...section('security', 'Security', security.length > 0, { fields: security }),
    ...section('monitoring', 'Monitoring', monitoring.length > 0, { fields: monitoring }),
    ...section('components', 'Components', components.length > 0, { diagram: viewOf(site, 'component', id), layers: components }),
    ...section('called-by', 'Called by', calledBy.length > 0, { calls: calledBy }),
    ...section('event-consumers', 'Consumers of its events', eventConsumers.length > 0, { events: eventConsumers }),
    ...section('runs-in', 'Runs in', runsIn.length > 0, { placements: runsIn }),
    ...section('decisions', 'Decisions', decisions.length > 0, { items: decisions }),
  ];
  return {
    head: elementHead(site, el, d.name, d.responsibility, sectionHeadings(sections)),
    type: serviceTypeBadge(d.type),
    domain,
    owner: d.owner ? linkTo(site, { kind: 'team', id: d.owner }) : undefined,
    neighbourhood: viewOf(site, 'neighbourhood', id),
    sections,
  };
}

function serviceApis(site: Site, el: Element<'service'>): ServiceApis {
  const apis = el.data.apis;
  const described = (written: string | undefined) => {
    if (!written) return undefined;
    if (/^https?:/i.test(written)) return { link: { text: written, href: written }, api: undefined };
    const relative = path.posix.normalize(path.posix.join(path.posix.dirname(el.source.path), written));
    return { link: { text: written, href: fileHref(relative, site.base) }, api: site.files.get(relative)?.api };
  };
  const openapiFile = described(apis?.openapi);
  const asyncapiFile = described(apis?.asyncapi);
  const protoFile = described(apis?.proto);
  const graphqlFile = described(apis?.graphql);
  const openapi = openapiFile?.api?.format === 'openapi' ? openApiView(openapiFile.api, openapiFile.link) : undefined;
  const asyncapi =
    asyncapiFile?.api?.format === 'asyncapi' ? asyncApiView(asyncapiFile.api, asyncapiFile.link, messageEvents(site)) : undefined;
  const grpcNames = (apis?.grpc ?? []).map((m) => (typeof m === 'string' ? m : m.name));
  const proto =
    protoFile?.api?.format === 'proto'
      ? protoView(protoFile.api, protoFile.link, protoScope(protoFile.api, { id: el.id, name: el.data.name, grpc: grpcNames }))
      : undefined;
  const graphql = graphqlFile?.api?.format === 'graphql' ? graphqlView(graphqlFile.api, graphqlFile.link) : undefined;
  const method = (m: string | { name: string; summary?: string | undefined }) =>
    typeof m === 'string' ? { name: m } : { name: m.name, summary: m.summary };
  const written = (apis?.rest ?? []).map((e) => ({ method: e.method, path: e.path, summary: e.summary ?? e.description ?? '' }));
  const rest =
    openapi && openapiFile?.api?.format === 'openapi'
      ? [
          ...openapi.operations.map((op) => ({ method: op.method, path: op.path, summary: op.summary, href: `#${op.anchor}` })),
          ...written
            .filter((e) => matchRest(openapiFile.api as OpenApiDescription, e.method, e.path).operation === undefined)
            .map((e) => ({ ...e, note: 'not in the OpenAPI description' })),
        ]
      : written;
  const shown = [
    openapi ? undefined : openapiFile,
    asyncapi ? undefined : asyncapiFile,
    proto ? undefined : protoFile,
    graphql ? undefined : graphqlFile,
  ];
  return {
    rest,
    grpc: (apis?.grpc ?? []).map(method),
    rpc: (apis?.rpc ?? []).map((r) => ({ protocol: r.protocol, summary: r.summary, methods: (r.methods ?? []).map(method) })),
    files: (['OpenAPI description', 'AsyncAPI document', 'Protocol Buffers', 'GraphQL schema'] as const).flatMap((label, i) => {
      const file = shown[i];
      return file ? [{ label, link: file.link }] : [];
    }),
    openapi,
    asyncapi,
    proto,
    graphql,
  };
}

function componentLayers(site: Site, el: Element<'service'>): ComponentLayer[] {
  const components = el.data.components ?? [];
  const uses = (componentId: string): Link[] =>
    (site.model.relations.componentUses.get(`${el.id}/${componentId}`) ?? []).flatMap((t): Link[] => {
      if (t.kind === 'component') {
        const target = components.find((x) => x.id === t.id);
        return [{ text: target?.name ?? t.id, href: `#component-${t.id}` }];
      }
      const link = linkTo(site, t);
      return link ? [link] : [];
    });
  return [...new Set(components.map((c) => c.layer ?? 'other'))].map((layer) => ({
    title: `${layerName(layer)} layer`,
    components: components
      .filter((c) => (c.layer ?? 'other') === layer)
      .map((c) => ({
        anchor: `component-${c.id}`,
        name: c.name,
        description: c.description,
        technology: c.technology ?? '',
        uses: uses(c.id),
      })),
  }));
}
