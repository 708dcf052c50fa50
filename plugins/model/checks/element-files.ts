import type { CheckContext } from './context.ts';

/**
 * What an element file holds, for a field or a `$ref` that names it as an asset ("risk
 * 'vendor-lock'", "the system"), or undefined when the file is no element file. Such a file
 * stays in the model (see read-elements.ts); the reference to it is the fault.
 */
export function elementFileName(
  relative: string,
  { elementFiles, parsed }: Pick<CheckContext, 'elementFiles' | 'parsed'>,
): string | undefined {
  if (!elementFiles.has(relative)) return undefined;
  if (/^system\.ya?ml$/.test(relative)) return 'the system';
  const held = [...parsed.values()].filter((el) => el.source.path === relative).map((el) => `${el.kind} '${el.id}'`);
  if (held.length === 0) return 'an element';
  return held.length === 1 ? held[0] : `${held.length} elements (${held.join(', ')})`;
}
