import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describeOpenApi } from '../../model/apis/openapi.ts';
import type { Model } from '../../model/model.ts';
import { ModelMatcher } from '../match.ts';
import { freeId, idFrom, importedDomain, type Draft, type ImportPlan } from './plan.ts';

/**
 * Drafts a service from an OpenAPI 3 or Swagger 2 description: its name and purpose from
 * `info`, its `apis.rest` from the operations, and `apis.openapi` pointing at a copy of the
 * description beside it (which the check then validates, and the page renders). A service the
 * model has already (by title) is not drafted again.
 */
export async function planFromOpenApi(
  from: string,
  cwd: string,
  model: Model | undefined,
): Promise<{ plan: ImportPlan } | { problems: readonly string[] }> {
  const file = path.resolve(cwd, from);
  const shown = path.relative(cwd, file).split(path.sep).join('/');
  let text: string;
  let value: unknown;
  try {
    text = readFileSync(file, 'utf8');
    value = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    return { problems: [`${shown}:1:1 error cannot read it as YAML or JSON: ${firstLine(error)}`] };
  }
  if (value === null || typeof value !== 'object' || (!('openapi' in value) && !('swagger' in value)))
    return { problems: [`${shown}:1:1 error not an OpenAPI or Swagger description (no \`openapi\` or \`swagger\` field)`] };
  const described = await describeOpenApi({
    value,
    file,
    referenced: (other) => {
      if (other === file) return value;
      throw new Error(`it refers to another file (${path.basename(other)}): import a bundled description (one file)`);
    },
  });
  if (!described.ok) return { problems: described.problems.map((p) => `${shown}:${p.line ?? 1}:${p.column ?? 1} error ${p.message}`) };
  const { api } = described;
  const existing = new ModelMatcher(model).find(api.title);
  const origin = `the OpenAPI description ${from}`;
  if (existing)
    return {
      plan: {
        origin,
        system: { name: api.title, description: `Imported from ${origin}.` },
        drafts: [],
        assets: [],
        notes: [`${api.title} is ${existing.kind} '${existing.id}' already: add \`apis.openapi\` to it yourself`],
      },
    };
  const id = freeId(idFrom(api.title) ?? 'api', new Set(model?.byKind.service.keys()));
  const { id: domain, draft: domainDraft } = importedDomain(new Set(model?.byKind.domain.keys()), from);
  const extension = /\.json$/i.test(file) ? 'json' : 'yaml';
  const asset = `services/${id}.openapi.${extension}`;
  const sentence = api.description
    ?.split(/(?<=[.!?])\s/)[0]
    ?.replace(/\s+/g, ' ')
    .trim();
  const service: Draft = {
    kind: 'service',
    id,
    data: {
      name: api.title || id,
      type: 'service',
      responsibility: sentence || `TODO: what ${api.title || id} is responsible for.`,
      domain,
      apis: {
        rest: api.operations.map((op) => ({ method: op.method, path: op.path, ...(op.summary ? { summary: op.summary } : {}) })),
        openapi: `./${path.basename(asset)}`,
      },
    },
    inferred: [
      ...(sentence ? ['responsibility: the first sentence of the description'] : []),
      `apis.rest: the ${api.operations.length} operations of ${api.spec} ${api.version}`,
    ],
    left: [
      ...(sentence ? [] : ['responsibility: what it does, in one sentence']),
      'owner: the team that runs it',
      'domain: the bounded context it belongs to',
      'dependencies and events: an API description does not say what the service calls',
      ...(api.servers.length > 0 ? [`deployment: it is served at ${api.servers.join(', ')}`] : []),
    ],
  };
  return {
    plan: {
      origin,
      system: { name: api.title, description: `Imported from ${origin}.` },
      drafts: [...(domainDraft ? [domainDraft] : []), service],
      assets: [{ path: asset, text }],
      notes: [],
    },
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
