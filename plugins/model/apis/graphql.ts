import {
  buildASTSchema,
  GraphQLError,
  Kind,
  parse,
  print,
  validateSchema,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';
import type { ApiProblem, ApiResult, GraphqlDescription, ApiType } from './api-description.ts';

const ROOTS = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;
type RootKind = keyof typeof ROOTS;

/**
 * Lists the queries, mutations, subscriptions and types of a GraphQL schema (SDL), parsed
 * and validated with graphql-js.
 */
export function describeGraphql(text: string): ApiResult<GraphqlDescription> {
  let doc: DocumentNode;
  try {
    doc = parse(text);
    const errors = validateSchema(buildASTSchema(doc));
    if (errors.length > 0) return { ok: false, problems: errors.map((e) => located(e)) };
  } catch (error) {
    if (error instanceof GraphQLError) return { ok: false, problems: [located(error)] };
    // buildASTSchema joins its faults into one message without positions: find each by the name it quotes.
    const messages = (error instanceof Error ? error.message : String(error)).split('\n\n');
    return { ok: false, problems: messages.map((message) => ({ ...positionOfName(text, message), message })) };
  }
  const roots = rootNames(doc);
  const operations: GraphqlDescription['operations'][number][] = [];
  const types: ApiType[] = [];
  for (const def of doc.definitions) {
    if (!('name' in def) || def.name === undefined) continue;
    const name = def.name.value;
    const root = (Object.keys(roots) as RootKind[]).find((k) => roots[k] === name);
    const fields = fieldsOf(def);
    if (root && (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION)) {
      for (const f of fields as readonly FieldDefinitionNode[])
        operations.push({
          kind: root,
          name: f.name.value,
          arguments: f.arguments && f.arguments.length > 0 ? `(${f.arguments.map(argument).join(', ')})` : '',
          type: typeName(f.type),
          description: f.description?.value,
        });
      continue;
    }
    if (def.kind === Kind.DIRECTIVE_DEFINITION) continue;
    types.push({
      name,
      kind: KIND_NAMES[def.kind] ?? 'type',
      comment: 'description' in def ? def.description?.value : undefined,
      fields:
        def.kind === Kind.ENUM_TYPE_DEFINITION
          ? (def.values ?? []).map((v) => ({ name: v.name.value, type: '', comment: v.description?.value }))
          : def.kind === Kind.UNION_TYPE_DEFINITION
            ? (def.types ?? []).map((t) => ({ name: t.name.value, type: '' }))
            : fields.map((f) => ({ name: f.name.value, type: typeName(f.type), comment: f.description?.value })),
    });
  }
  return { ok: true, api: { format: 'graphql', operations, types } };
}

const KIND_NAMES: Partial<Record<string, string>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'type',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'input',
  [Kind.ENUM_TYPE_DEFINITION]: 'enum',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'interface',
  [Kind.UNION_TYPE_DEFINITION]: 'union',
  [Kind.SCALAR_TYPE_DEFINITION]: 'scalar',
};

/** The root type names, from a `schema { query: ... }` definition or by convention. */
function rootNames(doc: DocumentNode): Record<RootKind, string> {
  const roots: Record<RootKind, string> = { ...ROOTS };
  for (const def of doc.definitions)
    if (def.kind === Kind.SCHEMA_DEFINITION) for (const op of def.operationTypes) roots[op.operation as RootKind] = op.type.name.value;
  return roots;
}

function fieldsOf(def: DefinitionNode): readonly (FieldDefinitionNode | InputValueDefinitionNode)[] {
  return 'fields' in def && Array.isArray(def.fields) ? def.fields : [];
}

function argument(arg: InputValueDefinitionNode): string {
  return `${arg.name.value}: ${typeName(arg.type)}${arg.defaultValue ? ` = ${print(arg.defaultValue)}` : ''}`;
}

function typeName(type: TypeNode): string {
  return print(type);
}

function located(error: GraphQLError): ApiProblem {
  const at = error.locations?.[0];
  return { line: at?.line, column: at?.column, message: error.message };
}

/** The first place the name a message quotes ("Unknown type \"Nope\".") is written. */
function positionOfName(text: string, message: string): { line?: number; column?: number } {
  const name = /"([_A-Za-z][_0-9A-Za-z]*)"/.exec(message)?.[1];
  if (!name) return {};
  const match = new RegExp(`\\b${name}\\b`).exec(text);
  if (!match) return {};
  const before = text.slice(0, match.index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
