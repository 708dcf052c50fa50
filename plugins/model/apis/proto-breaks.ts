import protobuf from 'protobufjs';

/**
 * A `.proto` file, read as the wire reads it (protobufjs): in each message, a field number
 * reused by another field or type, a field removed without its number (or name) `reserved`,
 * a method of a service removed.
 */
export function protoBreaks(before: string, after: string): string[] {
  const was = protoMessages(before);
  const now = protoMessages(after);
  if (!was || !now) return [];
  const out: string[] = [];
  for (const [name, message] of was.messages) {
    const next = now.messages.get(name);
    if (!next) continue;
    for (const [id, field] of message.fields) {
      const other = next.fields.get(id);
      if (other && (other.name !== field.name || other.type !== field.type))
        out.push(`${name}: field number ${id} reused: ${field.type} ${field.name} is now ${other.type} ${other.name}`);
      else if (!other && !next.reserved(id, field.name)) out.push(`${name}: field ${field.name} = ${id} removed without reserving ${id}`);
    }
  }
  for (const [service, methods] of was.services) {
    const kept = now.services.get(service);
    for (const method of methods) if (!kept?.has(method)) out.push(`rpc ${service}.${method} removed`);
  }
  return out;
}

interface ProtoMessage {
  readonly fields: Map<number, { name: string; type: string }>;
  readonly reserved: (id: number, name: string) => boolean;
}

/** Every message of a `.proto` file by its full name, and every service's methods; undefined for a file that does not parse. */
function protoMessages(text: string): { messages: Map<string, ProtoMessage>; services: Map<string, Set<string>> } | undefined {
  let root: protobuf.Root;
  try {
    root = protobuf.parse(text, { keepCase: true }).root;
  } catch {
    return undefined;
  }
  const messages = new Map<string, ProtoMessage>();
  const services = new Map<string, Set<string>>();
  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const node of namespace.nestedArray) {
      const name = node.fullName.replace(/^\./, '');
      if (node instanceof protobuf.Type) {
        const ranges = node.reserved ?? [];
        messages.set(name, {
          fields: new Map(node.fieldsArray.map((f) => [f.id, { name: f.name, type: `${f.repeated ? 'repeated ' : ''}${f.type}` }])),
          reserved: (id, field) =>
            ranges.some((r) => (typeof r === 'string' ? r === field : Array.isArray(r) && id >= r[0]! && id <= r[1]!)),
        });
      } else if (node instanceof protobuf.Service) services.set(name, new Set(node.methodsArray.map((m) => m.name)));
      if (node instanceof protobuf.Namespace || node instanceof protobuf.Type) visit(node);
    }
  };
  visit(root);
  return { messages, services };
}
