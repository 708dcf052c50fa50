import { createHash } from 'node:crypto';
import { isKind } from '../../model/kinds.ts';
import type { Element } from '../../model/model.ts';
import type { Site } from '../../pages/site.ts';

const ABSENT = '-';
/** The hash of a key this version cannot answer: never taken as unchanged. */
export const UNKNOWN = '?';

const hash = (text: string) => createHash('sha1').update(text).digest('base64url');

/** What of an element a page can show: everything but where its fields start. */
function elementText(el: Element): string {
  return JSON.stringify([el.kind, el.id, el.source.file, el.source.path, el.data, el.body?.text, el.body?.mdx]);
}

/**
 * The hash of what a read key (see recording-site.ts) names in a site: equal hashes in
 * two builds mean the read gave the same answer. Memoized for one site.
 */
export function readHasher(site: Site): (key: string) => string {
  const model = site.model;
  const memo = new Map<string, string>();
  const compute = (key: string): string => {
    const [space, name, ...rest] = key.split(':');
    const id = rest.join(':');
    switch (space) {
      case 'system':
        return hash(JSON.stringify([model.system.data, model.system.body?.text, model.system.source.file]));
      case 'elements':
        return hash(model.elements.map(elementText).join('\n'));
      case 'el': {
        if (!name || !isKind(name)) return ABSENT;
        const map = model.byKind[name] as ReadonlyMap<string, Element>;
        if (rest.length === 0) return hash([...map.values()].map(elementText).join('\n'));
        const el = map.get(id);
        return el ? hash(elementText(el)) : ABSENT;
      }
      case 'rel': {
        const map = (model.relations as unknown as Record<string, ReadonlyMap<string, unknown>>)[name ?? ''];
        if (!map) return ABSENT;
        if (rest.length === 0) return hash(JSON.stringify([...map]));
        return map.has(id) ? hash(JSON.stringify(map.get(id))) : ABSENT;
      }
      case 'file': {
        const file = site.files.get(key.slice('file:'.length));
        // The description covers what the file's `$ref`s bring in from other files.
        return file ? hash(file.api === undefined ? file.text : `${file.text}\0${JSON.stringify(file.api)}`) : ABSENT;
      }
      case 'git':
        return site.git.dates.get(key.slice('git:'.length))?.toISOString() ?? ABSENT;
      case 'history': {
        if (name === undefined) return hash(JSON.stringify(site.history.commits));
        const changes = site.history.byPath.get(key.slice('history:'.length));
        return changes === undefined ? ABSENT : hash(JSON.stringify(changes));
      }
      case 'versions': {
        const versions = site.history.versions.get(key.slice('versions:'.length));
        return versions === undefined ? ABSENT : hash(JSON.stringify(versions));
      }
      case 'diagram': {
        if (name === undefined) return hash(JSON.stringify([...site.diagrams.views]));
        const view = site.diagrams.views.get(key.slice('diagram:'.length));
        return view === undefined ? ABSENT : hash(JSON.stringify(view));
      }
      default:
        return UNKNOWN;
    }
  };
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = compute(key)));
    return value;
  };
}
