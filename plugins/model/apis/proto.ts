import protobuf from 'protobufjs';
import type { ApiResult, ProtoDescription, ProtoService, ApiType } from './api-description.ts';

/**
 * Lists the services, methods, messages and enums of a `.proto` file, parsed with
 * protobufjs. Imports are not followed: types from other files are shown by name.
 */
export function describeProto(text: string): ApiResult<ProtoDescription> {
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(text, { keepCase: true, alternateCommentMode: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /\(line (\d+)\)/.exec(message)?.[1];
    return {
      ok: false,
      problems: [{ line: line === undefined ? undefined : Number(line), message: message.replace(/\s*\(line \d+\)$/, '') }],
    };
  }
  const services: ProtoService[] = [];
  const messages: ApiType[] = [];
  const pkg = parsed.package;
  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const node of namespace.nestedArray) {
      const name = pkg && node.fullName.startsWith(`.${pkg}.`) ? node.fullName.slice(pkg.length + 2) : node.fullName.replace(/^\./, '');
      if (node instanceof protobuf.Service) {
        services.push({
          name,
          comment: node.comment ?? undefined,
          methods: node.methodsArray.map((m) => ({
            name: m.name,
            request: m.requestType,
            response: m.responseType,
            requestStream: m.requestStream === true,
            responseStream: m.responseStream === true,
            comment: m.comment ?? undefined,
          })),
        });
      } else if (node instanceof protobuf.Type) {
        messages.push({
          name,
          kind: 'message',
          comment: node.comment ?? undefined,
          fields: node.fieldsArray.map((f) => ({
            name: f.name,
            type: fieldType(f),
            comment: f.comment ?? undefined,
          })),
        });
      } else if (node instanceof protobuf.Enum) {
        messages.push({
          name,
          kind: 'enum',
          comment: node.comment ?? undefined,
          fields: Object.entries(node.values).map(([value, number]) => ({
            name: value,
            type: String(number),
            comment: Object.hasOwn(node.comments, value) ? (node.comments[value] ?? undefined) : undefined,
          })),
        });
      }
      if (node instanceof protobuf.Namespace || node instanceof protobuf.Type) visit(node);
    }
  };
  visit(parsed.root);
  return {
    ok: true,
    api: {
      format: 'proto',
      syntax: /^\s*(?:syntax|edition)\s*=\s*["']([^"']+)["']/m.exec(text)?.[1] ?? 'proto2',
      package: pkg,
      services,
      messages,
    },
  };
}

function fieldType(field: protobuf.Field): string {
  if (field instanceof protobuf.MapField) return `map<${field.keyType}, ${field.type}>`;
  const rule = field.repeated ? 'repeated ' : field.rule === 'optional' && field.options?.proto3_optional ? 'optional ' : '';
  const oneof = field.partOf ? ` (one of ${field.partOf.name})` : '';
  return `${rule}${field.type}${oneof}`;
}
