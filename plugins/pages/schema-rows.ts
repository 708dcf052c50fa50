/** One property of a JSON Schema, flattened for a readable table. */
export interface SchemaRow {
  /** Dotted path: `data.order_id`, `items[].price`. */
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
  /** Allowed values, format, bounds: `one of: a, b`, `format: date-time`. */
  readonly constraints: string;
}

type Schema = Record<string, unknown>;

/**
 * Flattens a JSON Schema's properties into rows, depth first, in the order written.
 * Local `$ref`s (`#/...`) are followed once; anything else is shown as written. Never
 * recurses more than 12 levels, whatever the schema holds.
 */
export function schemaRows(schema: unknown): SchemaRow[] {
  const rows: SchemaRow[] = [];
  const root = isObject(schema) ? schema : {};
  const walk = (node: Schema, prefix: string, depth: number, seen: Set<string>) => {
    if (depth > 12) return;
    const properties = isObject(node.properties) ? node.properties : {};
    const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
    for (const [key, raw] of Object.entries(properties)) {
      const { schema: prop, ref } = resolve(raw, root, seen);
      const name = prefix ? `${prefix}.${key}` : key;
      rows.push({
        name,
        type: typeOf(prop, ref),
        required: required.has(key),
        description: text(prop.description),
        constraints: constraints(prop),
      });
      const nextSeen = ref ? new Set([...seen, ref]) : seen;
      if (isObject(prop.properties)) walk(prop, name, depth + 1, nextSeen);
      // A field written either short or long (`dependencies: [id]` or `[{ target }]`): list the long form's fields.
      for (const option of Array.isArray(prop.anyOf) ? prop.anyOf : []) {
        if (isObject(option) && isObject(option.properties)) walk(option, name, depth + 1, nextSeen);
        if (isObject(option) && isObject(option.items) && isObject(option.items.properties))
          walk(option.items, `${name}[]`, depth + 1, nextSeen);
      }
      const items = isObject(prop.items) ? resolve(prop.items, root, nextSeen).schema : undefined;
      if (items && isObject(items.properties)) walk(items, `${name}[]`, depth + 1, nextSeen);
    }
  };
  // A list at the top (a response that is an array of orders): its items' properties, as `[].name`.
  const top = root.type === 'array' && isObject(root.items) ? resolve(root.items, root, new Set()).schema : undefined;
  walk(top ?? root, top ? '[]' : '', 0, new Set());
  return rows;
}

/** A schema's type as a table shows it: `string`, `array of string`, `a | b`. */
export function schemaType(schema: unknown): string {
  return typeOf(isObject(schema) ? schema : {}, undefined);
}

/** A schema's allowed values, format and bounds, in one line. */
export function schemaConstraints(schema: unknown): string {
  return constraints(isObject(schema) ? schema : {});
}

function resolve(raw: unknown, root: Schema, seen: ReadonlySet<string>): { schema: Schema; ref?: string } {
  const schema = isObject(raw) ? raw : {};
  const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
  if (!ref || !ref.startsWith('#/') || seen.has(ref)) return { schema, ...(ref ? { ref } : {}) };
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    // Own properties only: `#/constructor` names nothing in the schema.
    target = isObject(target) && Object.hasOwn(target, key) ? target[key] : undefined;
  }
  return { schema: isObject(target) ? { ...target, ...schema } : schema, ref };
}

function typeOf(schema: Schema, ref: string | undefined): string {
  if (schema.const !== undefined) return typeof schema.const === 'string' ? 'string' : typeof schema.const;
  const type = Array.isArray(schema.type) ? schema.type.map(String).join(' | ') : typeof schema.type === 'string' ? schema.type : undefined;
  if (type === 'array') {
    const items = isObject(schema.items) ? schema.items : {};
    const inner =
      typeof items.title === 'string' && items.type === 'object'
        ? items.title
        : typeof items.type === 'string'
          ? items.type
          : typeof items.$ref === 'string'
            ? items.$ref.split('/').at(-1)
            : 'any';
    return `array of ${inner}`;
  }
  if (type === 'object' && typeof schema.title === 'string') return schema.title;
  if (type) return type;
  if (ref) return ref.split('/').at(-1) ?? ref;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) return [...new Set(options.map((o) => (isObject(o) ? typeOf(o, undefined) : 'any')))].join(' | ');
  }
  return 'any';
}

function constraints(schema: Schema): string {
  const parts: string[] = [];
  if (schema.const !== undefined) parts.push(`always ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum))
    parts.push(`one of: ${schema.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`);
  if (typeof schema.format === 'string') parts.push(`format: ${schema.format}`);
  for (const [key, label] of [
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['pattern', 'pattern'],
  ] as const) {
    if (schema[key] !== undefined) parts.push(`${label}: ${String(schema[key])}`);
  }
  return parts.join('; ');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
