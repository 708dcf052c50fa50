/**
 * Registers in the reader's browser (see astro/register-table.ts). Without this script a
 * register is a table that scrolls in its region, or, in a narrow column, a list of cards.
 * With it:
 *
 * - a note says when the table scrolls sideways, and the region is shaded on the side that
 *   has more (`data-more="end"`, `"start"`, `"both"`);
 * - the columns to show can be chosen; the choice is kept in the page's address
 *   (`?hide-<register>=audit,compliance`), like a table's filters, so it survives a reload
 *   and can be shared.
 */

const param = (register: HTMLElement) => `hide-${register.dataset.register ?? 'table'}`;

function hiddenColumns(register: HTMLElement): Set<string> {
  const value = new URLSearchParams(location.search).get(param(register)) ?? '';
  return new Set(value.split(',').filter(Boolean));
}

function showColumns(register: HTMLElement, hidden: ReadonlySet<string>): void {
  for (const cell of register.querySelectorAll<HTMLElement>('table [data-col]')) cell.hidden = hidden.has(cell.dataset.col!);
  for (const box of register.querySelectorAll<HTMLInputElement>('.as-columns input[data-col]')) box.checked = !hidden.has(box.dataset.col!);
}

function remember(register: HTMLElement, hidden: ReadonlySet<string>): void {
  const next = new URLSearchParams(location.search);
  if (hidden.size > 0) next.set(param(register), [...hidden].join(','));
  else next.delete(param(register));
  const query = next.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** Says whether, and which way, the table scrolls. */
function markScroll(register: HTMLElement): void {
  const region = register.querySelector<HTMLElement>('.as-table-wrap');
  if (!region) return;
  const overflow = region.scrollWidth - region.clientWidth > 1;
  const start = Math.abs(region.scrollLeft) > 1;
  const end = Math.abs(region.scrollLeft) + region.clientWidth < region.scrollWidth - 1;
  region.dataset.more = !overflow ? '' : start && end ? 'both' : start ? 'start' : 'end';
  register.toggleAttribute('data-scrolls', overflow);
}

for (const register of document.querySelectorAll<HTMLElement>('.as-register')) {
  const chooser = register.querySelector<HTMLDetailsElement>('.as-columns');
  register.querySelector<HTMLElement>('.as-register-tools')?.removeAttribute('hidden');
  const hidden = hiddenColumns(register);
  // Only keys the register has: an address written for another version of the page hides nothing else.
  const known = new Set([...register.querySelectorAll<HTMLInputElement>('.as-columns input[data-col]')].map((b) => b.dataset.col!));
  for (const key of hidden) if (!known.has(key)) hidden.delete(key);
  showColumns(register, hidden);
  if (chooser) {
    chooser.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (!box.dataset.col) return;
      if (box.checked) hidden.delete(box.dataset.col);
      else hidden.add(box.dataset.col);
      showColumns(register, hidden);
      remember(register, hidden);
      markScroll(register);
    });
  }
  register.querySelector('.as-table-wrap')?.addEventListener('scroll', () => markScroll(register), { passive: true });
  markScroll(register);
}

let resizing: number | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = window.setTimeout(() => document.querySelectorAll<HTMLElement>('.as-register').forEach(markScroll), 150);
});
