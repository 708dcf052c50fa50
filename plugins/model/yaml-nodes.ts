import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
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
