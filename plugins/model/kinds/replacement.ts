import type { ReferenceField, Resolver } from './define.ts';

/** `replacedBy`: what replaces a deprecated element, of the kinds given; the replacement's page lists what it replaces. */
export function replacedByField(kinds: readonly string[]): ReferenceField {
  return { kinds, role: 'replacement', inverse: 'Replaces' };
}

/** Resolves an element's `replacedBy`, where it names one. */
export function resolveReplacement(r: Resolver, data: { readonly replacedBy?: string | undefined }): void {
  if (data.replacedBy !== undefined) r.ref('replacedBy', ['replacedBy'], data.replacedBy);
}
