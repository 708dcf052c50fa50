/**
 * The full-screen viewer of a diagram, loaded the first time a reader opens one: a modal
 * dialog (focus stays inside, Escape closes it, focus goes back to the button that opened
 * it) with the diagram to pan and zoom (drag, wheel and pinch about the pointer, `+` `-`
 * about the middle, `0` to fit, the arrow keys to pan), its links reached with Tab in reading
 * order and followed with Enter, and the export tools, which say what they did.
 */
import { copySource, downloadPng, downloadSvg, visibleSvg } from './diagram-export.ts';
import { elementOfBox, focus, KIND_LABELS, type RelationKind } from './diagram-layers.ts';
import { stageControls } from './viewer-stage.ts';

/** A drag longer than this is a pan: the click that ends it does not follow a link. */
const DRAG_PX = 5;

function button(action: string, text: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.viewer = action;
  b.textContent = text;
  b.title = label;
  b.setAttribute('aria-label', label);
  return b;
}

function saved(name: string | undefined): string {
  return name ? `Downloaded ${name}` : 'Nothing to download';
}

/** Boxes sorted as they are read: by row (their middles within a few pixels), then from the left. */
function readingOrder<T extends Element>(elements: T[]): T[] {
  const at = new Map(elements.map((el) => [el, el.getBoundingClientRect()]));
  const middle = (el: T) => at.get(el)!.top + at.get(el)!.height / 2;
  return elements.sort((a, b) => (Math.abs(middle(a) - middle(b)) > 8 ? middle(a) - middle(b) : at.get(a)!.left - at.get(b)!.left));
}

/** The dialog: a heading, the tools (with the figure's layer switches and focus mode), a status line, and the stage with a copy of the diagram. */
function buildDialog(figure: HTMLElement, svg: SVGSVGElement, title: string, size: { width: number; height: number }) {
  const dialog = document.createElement('dialog');
  dialog.className = 'as-viewer';
  dialog.setAttribute('aria-label', title);
  const header = document.createElement('div');
  header.className = 'as-viewer-tools';
  const heading = document.createElement('h2');
  heading.textContent = title;
  // The layers the figure shows, and a focus mode: a box clicked focuses instead of following its link.
  const layers = [...figure.querySelectorAll<HTMLButtonElement>('button[data-action="layer"]')].map((b) => {
    const kind = b.dataset.kind as RelationKind;
    const toggle = button('layer', KIND_LABELS[kind], `Show or hide the ${KIND_LABELS[kind].toLowerCase()}`);
    toggle.dataset.kind = kind;
    toggle.setAttribute('aria-pressed', b.getAttribute('aria-pressed') ?? 'true');
    if (figure.hasAttribute(`data-hide-${kind}`)) dialog.setAttribute(`data-hide-${kind}`, '');
    return toggle;
  });
  const focusMode = button('focus', 'Focus', 'Focus mode: a box clicked shows only it and its neighbours (F focuses the box Tab reached)');
  focusMode.setAttribute('aria-pressed', 'false');
  const status = document.createElement('p');
  status.className = 'as-viewer-status';
  status.setAttribute('role', 'status');
  header.append(
    heading,
    button('out', '−', 'Zoom out (-)'),
    button('in', '+', 'Zoom in (+)'),
    button('fit', 'Fit', 'Fit to the screen (0)'),
    button('svg', 'SVG', 'Download as SVG'),
    button('png', 'PNG', 'Download as PNG'),
    button('copy', 'Copy source', 'Copy source: the mermaid text'),
    ...layers,
    focusMode,
    button('close', 'Close', 'Close (Escape)'),
    status,
  );
  const stage = document.createElement('div');
  stage.className = 'as-viewer-stage';
  stage.tabIndex = 0;
  stage.setAttribute('aria-label', `${title}: drag to pan, wheel or + and - to zoom, 0 to fit, arrow keys to pan`);
  const holder = document.createElement('div');
  holder.className = 'as-viewer-diagram';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // The SVG's styles and markers are scoped by its id: the copy gets one of its own, unique on the page.
  if (svg.id) {
    const id = `${svg.id}-viewer`;
    copy.innerHTML = copy.innerHTML.replaceAll(svg.id, id);
    copy.id = id;
  }
  copy.style.width = `${size.width}px`;
  copy.style.maxWidth = 'none';
  holder.style.width = `${size.width}px`;
  holder.style.height = `${size.height}px`;
  holder.append(copy);
  stage.append(holder);
  dialog.append(header, stage);
  let said: number | undefined;
  const say = (message: string) => {
    status.textContent = message;
    clearTimeout(said);
    said = window.setTimeout(() => (status.textContent = ''), 4000);
  };
  return { dialog, header, stage, holder, copy, focusMode, say };
}

/** The diagram's links, in reading order (top to bottom, then left to right), each reachable with Tab and named by its box's text. */
function tabbableLinks(copy: SVGSVGElement): SVGAElement[] {
  const links = readingOrder(
    [...copy.querySelectorAll<SVGAElement>('a')].filter((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')),
  );
  for (const a of links) {
    a.setAttribute('tabindex', '0');
    if (!a.getAttribute('aria-label')) a.setAttribute('aria-label', (a.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  return links;
}

const PAN_KEYS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [0.15, 0],
  ArrowRight: [-0.15, 0],
  ArrowUp: [0, 0.15],
  ArrowDown: [0, -0.15],
};

export function openViewer(figure: HTMLElement, opener: HTMLElement): void {
  const svg = visibleSvg(figure);
  if (!svg) return;
  const title = figure.querySelector('figcaption')?.textContent || 'Diagram';
  const size = {
    width: svg.viewBox.baseVal.width || Number(figure.dataset.width) || svg.getBoundingClientRect().width,
    height: svg.viewBox.baseVal.height || Number(figure.dataset.height) || svg.getBoundingClientRect().height,
  };
  const { dialog, header, stage, holder, copy, focusMode, say } = buildDialog(figure, svg, title, size);
  document.body.append(dialog);
  dialog.showModal();
  const controls = stageControls(stage, holder, size);
  // Anything the reader does in the viewer keeps the diagram where it is (before the tool or the key acts: `0` fits it again).
  for (const type of ['pointerdown', 'keydown'] as const) dialog.addEventListener(type, () => controls.hold(), { capture: true });

  // A pan that ends on a box is not a click on its link.
  let down: { x: number; y: number } | undefined;
  stage.addEventListener('pointerdown', (e) => (down = { x: e.clientX, y: e.clientY }), { capture: true });
  stage.addEventListener(
    'click',
    (e) => {
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > DRAG_PX) e.preventDefault();
    },
    { capture: true },
  );
  /** Focuses a box (or clears the focus), here and, through the address, on the page behind. */
  const focusBox = (box: string | undefined) => {
    focus(copy, box);
    const element = box === undefined ? undefined : elementOfBox(copy, box);
    history.replaceState(null, '', element ? `#focus=${encodeURIComponent(element)}` : location.pathname + location.search);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    say(element ? `Focused on ${element}: its neighbours stay, the rest fades` : 'Focus cleared');
  };
  stage.addEventListener('click', (e) => {
    if (focusMode.getAttribute('aria-pressed') !== 'true' || e.defaultPrevented) return;
    const box = (e.target as Element).closest('a')?.querySelector('[data-element]')?.getAttribute('data-element');
    e.preventDefault();
    focusBox(box ?? undefined);
  });

  const links = tabbableLinks(copy);
  dialog.addEventListener('keydown', (e) => {
    // Tab goes through the tools, the stage and the diagram's links in reading order: the page behind is out of reach while it is open.
    if (e.key === 'Tab') {
      const stops: (HTMLElement | SVGAElement)[] = [...header.querySelectorAll<HTMLElement>('button'), stage, ...links];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : at === -1 || at === stops.length - 1 ? 0 : at + 1;
      const target = stops[next]!;
      target.focus({ preventScroll: true });
      if (target instanceof SVGElement) controls.bringIntoView(target);
      e.preventDefault();
      return;
    }
    if (e.target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return;
    if (e.target instanceof SVGAElement && e.key === 'Enter') return;
    if ((e.key === 'f' || e.key === 'F') && e.target instanceof SVGAElement) {
      focusBox(e.target.querySelector('[data-element]')?.getAttribute('data-element') ?? undefined);
      e.preventDefault();
      return;
    }
    const pan = Object.hasOwn(PAN_KEYS, e.key) ? PAN_KEYS[e.key] : undefined;
    if (pan) controls.panBy(pan[0], pan[1]);
    else if (e.key === '+' || e.key === '=') controls.zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') controls.zoomBy(0.8);
    else if (e.key === '0') controls.fit();
    else return;
    e.preventDefault();
  });
  header.addEventListener('click', async (e) => {
    const pressed = (e.target as Element).closest<HTMLButtonElement>('button');
    const action = pressed?.dataset.viewer;
    if (!pressed || !action) return;
    if (action === 'layer' || action === 'focus') {
      const on = pressed.getAttribute('aria-pressed') !== 'true';
      pressed.setAttribute('aria-pressed', String(on));
      if (action === 'layer') dialog.toggleAttribute(`data-hide-${pressed.dataset.kind}`, !on);
      else say(on ? 'Focus mode: click a box to focus it, or the background to clear' : 'Focus mode off: boxes follow their links');
    } else if (action === 'close') dialog.close();
    else if (action === 'in') controls.zoomBy(1.25);
    else if (action === 'out') controls.zoomBy(0.8);
    else if (action === 'fit') controls.fit();
    else if (action === 'svg') say(saved(downloadSvg(figure)));
    else if (action === 'png') say(saved(await downloadPng(figure)));
    else if (action === 'copy') say((await copySource(figure)) ? 'Copied the mermaid source' : 'Could not copy: the browser refused');
  });
  dialog.addEventListener('close', () => {
    controls.stop();
    controls.panzoom.destroy();
    dialog.remove();
    opener.focus();
  });
  stage.focus();
}
