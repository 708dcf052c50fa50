import jsYaml from 'js-yaml';
import { isScalar, Schema, type ScalarTag } from 'yaml';

/**
 * The fast path for reading YAML data. The `yaml` package keeps every node with its
 * position, which diagnostics need; building that for every file is most of the time
 * `check` takes. `js-yaml` reads the same data about fifteen times faster but knows no
 * positions. So every file is first read here, for its data only, and positions are
 * worked out with `yaml` only for the files that a diagnostic points into.
 *
 * The two must agree on every value. Plain scalars are resolved by `yaml`'s own core
 * schema tags (not js-yaml's, which differ: `1_000`, `-.5`), and whatever the two could
 * read differently is not tried here at all: tags, anchors, aliases, explicit or
 * collection keys, directives, very long lines and any error or oddity send the file
 * back to `yaml`, which then reports it exactly as before.
 */

/**
 * The first characters of every plain scalar `yaml`'s core schema reads as other than a string
 * (`~`, `null`, `true`, `False`, `12`, `+1`, `-.5`, `.inf`, `.NaN`), and the empty scalar. Most
 * scalars are words, which this tells apart without trying a tag's patterns (a check of 1,000
 * services spends its time reading YAML).
 */
const MAY_RESOLVE = new Set([...'~nNtTfF0123456789+-.'].map((c) => c.charCodeAt(0)));

/**
 * Plain-scalar types from `yaml`'s core schema, in its order, as js-yaml types: one per tag
 * (js-yaml keeps one type a tag), each trying that tag's variants (`0o17`, `12`, `0x1F`).
 */
const CORE_SCALARS = (() => {
  const byTag = new Map<string, ScalarTag[]>();
  for (const tag of new Schema({}).tags as ScalarTag[]) {
    if (tag.default !== true || tag.test === undefined || tag.resolve === undefined) continue;
    byTag.set(tag.tag, [...(byTag.get(tag.tag) ?? []), tag]);
  }
  return [...byTag].map(([name, variants]) => {
    const variant = (text: string) => variants.find((tag) => tag.test!.test(text));
    return new jsYaml.Type(name, {
      kind: 'scalar',
      resolve: (text: string) => (text === '' || MAY_RESOLVE.has(text.charCodeAt(0))) && variant(text) !== undefined,
      construct: (text: string) => {
        const resolved = variant(text)!.resolve!(text, () => {}, { intAsBigInt: false } as never);
        const value = isScalar(resolved) ? resolved.value : resolved;
        // `1.10`, `1.0`, `0x1F`: a text field must keep the written form, which `yaml` finds.
        if (typeof value === 'number' && String(value) !== text) throw new NotPlain();
        return value;
      },
    });
  });
})();

const SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: CORE_SCALARS });

/**
 * Tags and anchors and aliases (`!`, `&`, `*` after a space or flow indicator), explicit keys
 * (`? `), flow collections as keys (`]:`), text straight after a flow collection closes
 * (`]raisedBy: …`, which js-yaml reads as a new key and `yaml` refuses), directives (`%YAML`
 * at a line start). A false alarm (prose such as `R & D`, `a]b`) only costs speed.
 */
const UNSAFE = /(?:^|[\s,[\]{}])[!&*?]|[\]}][ \t]*:|[\]}][^\s,\]}]|^%/m;

/** `yaml` refuses implicit keys over 1024 characters; js-yaml does not. Lines that long go to `yaml`. */
const LONG_LINE = 1000;

/**
 * Keys js-yaml names differently from `yaml` (a null key is `null` to one, `` to the other),
 * merge keys (`yaml` merges them), and `__proto__` (reported by the `yaml` path).
 */
const UNSAFE_KEYS = new Set(['', 'null', 'Null', 'NULL', '~', '<<', '__proto__']);

/** Thrown from inside js-yaml: this text is for `yaml` to read. */
class NotPlain extends Error {}

/**
 * The documents' values (empty documents dropped), or undefined when the text must be
 * read by `yaml` instead: on any error, anything that could read differently, or values
 * nested deeper than `maxDepth`.
 */
export function fastYamlValues(text: string, maxDepth: number): unknown[] | undefined {
  if (UNSAFE.test(text) || hasLongLine(text) || hasOpenQuote(text)) return undefined;
  const values: unknown[] = [];
  try {
    jsYaml.loadAll(text, (value) => values.push(value), { schema: SCHEMA });
  } catch {
    return undefined;
  }
  const kept = values.filter((value) => value !== null && value !== undefined);
  for (const value of kept) if (!plain(value, maxDepth)) return undefined;
  return kept;
}

/** True for data within `maxDepth` whose keys both readers name the same. Iterative on purpose. */
function plain(root: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) return false;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
    } else {
      for (const key of Object.keys(value)) {
        if (UNSAFE_KEYS.has(key)) return false;
        stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
      }
    }
  }
  return true;
}

/**
 * A quoted scalar that does not close on its line: js-yaml reads it on, whatever the next
 * line's indentation, where `yaml` refuses one that runs back to the left of its key. Such
 * text goes to `yaml`. A false alarm (a quote in a comment) only costs speed.
 */
function hasOpenQuote(text: string): boolean {
  for (const line of text.split('\n')) {
    const body = line.replace(/\\./g, '');
    if ((body.match(/"/g)?.length ?? 0) % 2 === 1) return true;
    // A single-quoted scalar starting as a value or an item, with no closing quote after ('' is a quote inside).
    if (/(?:^\s*|[:,[{]\s*|^\s*-\s+)'(?:''|[^'])*$/.test(body)) return true;
  }
  return false;
}

function hasLongLine(text: string): boolean {
  if (text.length < LONG_LINE) return false;
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    if (end - start >= LONG_LINE) return true;
    start = end + 1;
  }
  return text.length - start >= LONG_LINE;
}
