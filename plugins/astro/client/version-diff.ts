/**
 * A contract's versions in the reader's browser (see src/components/Versions.astro). Without
 * this script the page shows what changed between the newest two; with it, any two can be
 * chosen, and the diff is worked out here with the build's own function (model/line-diff.ts).
 */
import { lineDiff, type DiffLine } from '../../model/line-diff.ts';

const SIGN = { added: '+', removed: '-', same: ' ' } as const;

function render(pre: HTMLElement, lines: readonly DiffLine[]): void {
  pre.replaceChildren(
    ...lines.map((line) => {
      const span = document.createElement('span');
      span.className = `as-diff-${line.kind}`;
      span.textContent =
        line.kind === 'skipped' ? `… ${line.count} unchanged line${line.count === 1 ? '' : 's'}` : `${SIGN[line.kind]} ${line.text}`;
      return span;
    }),
  );
  if (lines.length === 0) pre.textContent = 'The two are the same.';
}

for (const box of document.querySelectorAll<HTMLElement>('[data-version-diff]')) {
  const from = box.querySelector<HTMLSelectElement>('select[data-from]');
  const to = box.querySelector<HTMLSelectElement>('select[data-to]');
  const pre = box.querySelector<HTMLElement>('pre.as-diff');
  const data = box.querySelector('script[data-version-texts]')?.textContent;
  if (!from || !to || !pre || !data) continue;
  const texts = new Map((JSON.parse(data) as { version: string; text: string }[]).map((t) => [t.version, t.text]));
  const update = () => render(pre, from.value === to.value ? [] : lineDiff(texts.get(from.value) ?? '', texts.get(to.value) ?? ''));
  from.disabled = false;
  to.disabled = false;
  from.addEventListener('change', update);
  to.addEventListener('change', update);
}
