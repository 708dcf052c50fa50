import { diffLines } from 'diff';

/** A line of a diff: added, removed or the same; or a run of same lines left out, counted. */
export type DiffLine =
  { readonly kind: 'added' | 'removed' | 'same'; readonly text: string } | { readonly kind: 'skipped'; readonly count: number };

/**
 * The lines that differ between two texts (jsdiff's `diffLines`), with `context` unchanged
 * lines around each change and every longer unchanged run counted instead of shown. Pure,
 * and the same in the build and in the reader's browser (astro/client/version-diff.ts).
 */
export function lineDiff(before: string, after: string, context = 3): DiffLine[] {
  const lines: { kind: 'added' | 'removed' | 'same'; text: string }[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  const near = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = true;
  });
  const out: DiffLine[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (line.kind !== 'same' || near[i]) {
      if (skipped > 0) out.push({ kind: 'skipped', count: skipped });
      skipped = 0;
      out.push(line);
    } else skipped++;
  });
  if (skipped > 0) out.push({ kind: 'skipped', count: skipped });
  return out;
}
