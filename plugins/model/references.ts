import type { Diagnostics, Position } from './diagnostics.ts';
import { describeKinds, isKind, KIND_NAMES, type ElementKind } from './kinds.ts';
import type { ComponentRef, ElementRef } from './model.ts';
import { didYouMean } from './suggest.ts';

/** Where a reference was written, and what to call it in a message. */
export interface ReferenceSite {
  readonly file: string;
  readonly at: Position;
  /** What the field is to a reader: `dependency`, `owner`, `consumed event`. */
  readonly role: string;
}

/**
 * Resolves references (`order-service`, `service:order-service`) against the ids of the
 * whole model, and reports the ones that do not resolve with a "did you mean".
 */
export class References {
  readonly #ids: ReadonlyMap<ElementKind, ReadonlySet<string>>;
  readonly #invalid: ReadonlySet<string>;
  readonly #diagnostics: Diagnostics;

  /**
   * @param ids the ids of the valid elements, by kind
   * @param invalid keys (`service:x`) of elements that exist but did not validate: references
   *   to them resolve to nothing, silently, since their own file already has an error
   */
  constructor(ids: ReadonlyMap<ElementKind, ReadonlySet<string>>, invalid: ReadonlySet<string>, diagnostics: Diagnostics) {
    this.#ids = ids;
    this.#invalid = invalid;
    this.#diagnostics = diagnostics;
  }

  has(kind: ElementKind, id: string): boolean {
    return this.#ids.get(kind)?.has(id) ?? false;
  }

  /**
   * Resolves `raw` to an element of one of the `allowed` kinds, or of the service's own
   * components when `components` is given. Reports and returns undefined when it does
   * not resolve or is ambiguous.
   */
  resolve(raw: string, allowed: readonly ElementKind[], site: ReferenceSite): ElementRef | undefined;
  resolve(
    raw: string,
    allowed: readonly ElementKind[],
    site: ReferenceSite,
    components: { service: string; ids: ReadonlySet<string> },
  ): ElementRef | ComponentRef | undefined;
  resolve(
    raw: string,
    allowed: readonly ElementKind[],
    site: ReferenceSite,
    components?: { service: string; ids: ReadonlySet<string> },
  ): ElementRef | ComponentRef | undefined {
    const colon = raw.indexOf(':');
    const prefix = colon > 0 ? raw.slice(0, colon) : undefined;
    if (prefix !== undefined && (isKind(prefix) || prefix === 'component')) {
      const id = raw.slice(colon + 1);
      if (prefix === 'component') {
        if (components?.ids.has(id)) return { kind: 'component', service: components.service, id };
      } else if (allowed.includes(prefix) && this.has(prefix, id)) {
        return { kind: prefix, id };
      } else if (allowed.includes(prefix as ElementKind) && this.#invalid.has(raw)) {
        return undefined;
      }
      this.#unknown(raw, allowed, site, components);
      return undefined;
    }
    const matches: (ElementRef | ComponentRef)[] = [];
    if (components?.ids.has(raw)) matches.push({ kind: 'component', service: components.service, id: raw });
    for (const kind of allowed) if (this.has(kind, raw)) matches.push({ kind, id: raw });
    if (matches.length === 1) return matches[0];
    if (matches.length === 0) {
      if (allowed.some((kind) => this.#invalid.has(`${kind}:${raw}`))) return undefined;
      this.#unknown(raw, allowed, site, components);
      return undefined;
    }
    const kinds = matches.map((m) => m.kind);
    this.#diagnostics.report(
      'ambiguous-reference',
      site.file,
      site.at,
      `${site.role} '${raw}' is ambiguous: it names ${kinds.map((k) => `${/^[aeiou]/.test(k) ? 'an' : 'a'} ${k}`).join(' and ')}; write ${kinds.map((k) => `'${k}:${raw}'`).join(' or ')}`,
    );
    return undefined;
  }

  #unknown(raw: string, allowed: readonly ElementKind[], site: ReferenceSite, components?: { ids: ReadonlySet<string> }): void {
    const qualified = raw.includes(':');
    const candidates: string[] = [];
    for (const kind of allowed) for (const id of this.#ids.get(kind) ?? []) candidates.push(qualified ? `${kind}:${id}` : id);
    for (const id of components?.ids ?? []) candidates.push(qualified ? `component:${id}` : id);
    const what =
      allowed.length === KIND_NAMES.length
        ? 'does not name any element'
        : `is not ${components ? `a component of this service or ${describeKinds(allowed)}` : describeKinds(allowed)}`;
    this.#diagnostics.report('unknown-reference', site.file, site.at, `${site.role} '${raw}' ${what}${didYouMean(raw, candidates)}`);
  }
}
