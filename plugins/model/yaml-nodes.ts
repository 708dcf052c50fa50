import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { FieldPath } from './yaml-position.ts';

/**
 * What plain data loses of a YAML document, found on its nodes: the text of numbers where a
 * text field is meant (`version: 1.10` is the number 1.1), tags that make values archsite
 * cannot show (`!!binary`, `!custom`), and `__proto__` keys, which JavaScript objects cannot
 * hold as ordinary keys.
 */
export interface NodeFindings {
  /** The source text of each number whose written form is not the one JavaScript prints, by `pathKey`. */
  readonly numbers: ReadonlyMap<string, string>;
  readonly problems: readonly NodeProblem[];
}

export interface NodeProblem {
  readonly kind: 'tag' | 'reserved-key';
  /** Offset of the node in the YAML text. */
  readonly offset: number;
  readonly message: string;
}

/** Tags whose values are the plain data archsite reads anyway: writing them changes nothing. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** A field path as a map key. */
export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

/** Walks a parsed document once (iteratively: nesting is bounded by the caller). */
export function inspectNodes(doc: Document.Parsed, text: string): NodeFindings {
  const numbers = new Map<string, string>();
  const problems: NodeProblem[] = [];
  const stack: { node: unknown; path: FieldPath }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (!node || isAlias(node)) continue;
    const tagged = node as Node;
    if (tagged.tag && !PLAIN_TAGS.has(tagged.tag)) {
      const at = tagged.range?.[0] ?? 0;
      // The node starts at its value; the tag is written just before it.
      const tag = /!\S*[ \t]*(?:\r?\n[ \t]*)?$/.exec(text.slice(Math.max(0, at - 300), at));
      problems.push({
        kind: 'tag',
        offset: tag ? at - tag[0].length : at,
        message: `tag '${shortTag(tagged.tag)}' is not supported: archsite reads text, numbers, true/false, lists and mappings (remove the tag${shortTag(tagged.tag) === '!!binary' ? ', and keep binary data in an asset file' : ''})`,
      });
    }
    if (isScalar(node)) {
      if (typeof node.value === 'number' && node.source !== undefined && node.source !== String(node.value))
        numbers.set(pathKey(path), node.source);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (key === '__proto__') {
          problems.push({
            kind: 'reserved-key',
            offset: (pair.key as Node).range?.[0] ?? 0,
            message: "key '__proto__' cannot be read: JavaScript reserves it; rename the key",
          });
          continue;
        }
        if (typeof key === 'string' || typeof key === 'number') stack.push({ node: pair.value, path: [...path, String(key)] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return { numbers, problems };
}

/** `tag:yaml.org,2002:binary` → `!!binary`; local tags as written. */
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** The offset of the first node nested deeper than `max`, if any. Iterative on purpose. */
export function tooDeep(doc: Document.Parsed, max: number): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > max) return node.range?.[0] ?? 0;
    if (isMap(node)) {
      for (const pair of node.items)
        if (isPair(pair)) stack.push({ node: pair.value, depth: depth + 1 }, { node: pair.key, depth: depth + 1 });
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The offset of the first alias of a document, where an alias bomb is reported. */
export function firstAlias(doc: Document.Parsed): number | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return node.range?.[0] ?? 0;
    if (isMap(node)) {
      for (const pair of [...node.items].reverse()) if (isPair(pair)) stack.push(pair.value, pair.key);
    } else if (isSeq(node)) stack.push(...[...node.items].reverse());
  }
  return undefined;
}

/** What every limit on nesting says: "YAML is nested deeper than 64 levels". */
export function nestedMessage(what: string, max: number): string {
  return `${what} is nested deeper than ${max} levels`;
}
