/**
 * The full-screen viewer of a diagram, loaded the first time a reader opens one: a modal
 * dialog (focus stays inside, Escape closes it, focus goes back to the button that opened
 * it) with the diagram to pan and zoom (drag, wheel and pinch about the pointer, `+` `-`
 * about the middle, `0` to fit, the arrow keys to pan), its links reached with Tab in reading
 * order and followed with Enter, and the export tools, which say what they did.
 */
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { copySource, downloadPng, downloadSvg, visibleSvg } from './diagram-export.ts';
import { elementOfBox, focus, KIND_LABELS, type RelationKind } from './diagram-layers.ts';

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

export function openViewer(figure: HTMLElement, opener: HTMLElement): void {
  const svg = visibleSvg(figure);
  if (!svg) return;
  const title = figure.querySelector('figcaption')?.textContent || 'Diagram';
  const width = Number(figure.dataset.width) || svg.viewBox.baseVal.width || svg.getBoundingClientRect().width;
  const height = Number(figure.dataset.height) || svg.viewBox.baseVal.height || svg.getBoundingClientRect().height;

  const dialog = document.createElement('dialog');
  dialog.className = 'as-viewer';
  dialog.setAttribute('aria-label', title);
  const header = document.createElement('div');
  header.className = 'as-viewer-tools';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const close = button('close', 'Close', 'Close (Escape)');
  header.append(
    heading,
    button('out', '−', 'Zoom out (-)'),
    button('in', '+', 'Zoom in (+)'),
    button('fit', 'Fit', 'Fit to the screen (0)'),
    button('svg', 'SVG', 'Download as SVG'),
    button('png', 'PNG', 'Download as PNG'),
    button('copy', 'Copy source', 'Copy the mermaid source'),
    close,
  );
  const stage = document.createElement('div');
  stage.className = 'as-viewer-stage';
  stage.tabIndex = 0;
  stage.setAttribute('aria-label', `${title}: drag to pan, wheel or + and - to zoom, 0 to fit`);
  const holder = document.createElement('div');
  holder.className = 'as-viewer-diagram';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // The SVG's styles and markers are scoped by its id: the copy gets one of its own, unique on the page.
  if (svg.id) {
    const id = `${svg.id}-viewer`;
    copy.innerHTML = copy.innerHTML.replaceAll(svg.id, id);
    copy.id = id;
  }
  copy.style.width = `${width}px`;
  copy.style.maxWidth = 'none';
  holder.style.width = `${width}px`;
  holder.style.height = `${height}px`;
  holder.append(copy);
  stage.append(holder);
  dialog.append(header, stage);
  document.body.append(dialog);
  dialog.showModal();

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
  close.before(...layers, focusMode);
  const status = document.createElement('p');
  status.className = 'as-viewer-status';
  status.setAttribute('role', 'status');
  header.append(status);
  let said: number | undefined;
  const say = (message: string) => {
    status.textContent = message;
    clearTimeout(said);
    said = window.setTimeout(() => (status.textContent = ''), 4000);
  };

  /**
   * The fitted view: the whole diagram at most at its natural size, its middle at the stage's
   * middle. Panzoom scales about the diagram's middle (its default transform origin, for
   * which its focal-point zoom is made) and translates in unscaled pixels, from where the
   * diagram lies unmoved: the stage's top left corner.
   */
  const fitted = () => {
    const scale = Math.min(1, (stage.clientWidth * 0.96) / width, (stage.clientHeight * 0.96) / height);
    return { scale, x: (stage.clientWidth - width) / 2 / scale, y: (stage.clientHeight - height) / 2 / scale };
  };
  const start = fitted();
  const panzoom: PanzoomObject = Panzoom(holder, {
    minScale: 0.02,
    maxScale: 8,
    step: 0.25,
    cursor: 'grab',
    startScale: start.scale,
    startX: start.x,
    startY: start.y,
  });
  const fit = () => {
    const { scale, x, y } = fitted();
    panzoom.zoom(scale, { animate: false, force: true });
    panzoom.pan(x, y, { animate: false, force: true });
  };
  /**
   * Keeps the stage's middle on the diagram, however it is panned or zoomed: a diagram can
   * never be lost off the stage. Panzoom's own containment keeps a diagram either wholly
   * inside the stage or covering it, neither of which a diagram wider than tall allows.
   */
  const hold = () => {
    const stageBox = stage.getBoundingClientRect();
    const box = holder.getBoundingClientRect();
    const cx = stageBox.left + stageBox.width / 2;
    const cy = stageBox.top + stageBox.height / 2;
    const dx = box.left > cx ? cx - box.left : box.right < cx ? cx - box.right : 0;
    const dy = box.top > cy ? cy - box.top : box.bottom < cy ? cy - box.bottom : 0;
    if (dx === 0 && dy === 0) return;
    const scale = panzoom.getScale();
    panzoom.pan(panzoom.getPan().x + dx / scale, panzoom.getPan().y + dy / scale, { animate: false, force: true, silent: true });
  };
  holder.addEventListener('panzoomchange', hold);
  stage.addEventListener('wheel', panzoom.zoomWithWheel);
  // Buttons and keys zoom about the middle of the stage, as the wheel does about the pointer.
  const zoomBy = (factor: number) => {
    const box = stage.getBoundingClientRect();
    panzoom.zoomToPoint(panzoom.getScale() * factor, { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 });
  };
  /** Pans by a share of the stage, in stage pixels. */
  const panBy = (x: number, y: number) => {
    const scale = panzoom.getScale();
    panzoom.pan(panzoom.getPan().x + (x * stage.clientWidth) / scale, panzoom.getPan().y + (y * stage.clientHeight) / scale, {
      animate: false,
    });
  };
  /** Brings a box of the diagram to the middle of the stage (a link reached with Tab). */
  const bringIntoView = (target: Element) => {
    const stageBox = stage.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    const scale = panzoom.getScale();
    const dx = stageBox.left + stageBox.width / 2 - (box.left + box.width / 2);
    const dy = stageBox.top + stageBox.height / 2 - (box.top + box.height / 2);
    panzoom.pan(panzoom.getPan().x + dx / scale, panzoom.getPan().y + dy / scale, { animate: false, force: true });
  };

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

  // The diagram's links, in reading order (top to bottom, then left to right), each named by its box's text.
  const links = readingOrder(
    [...copy.querySelectorAll<SVGAElement>('a')].filter((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')),
  );
  for (const a of links) {
    a.setAttribute('tabindex', '0');
    if (!a.getAttribute('aria-label')) a.setAttribute('aria-label', (a.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  const PAN_KEYS: Record<string, [number, number]> = {
    ArrowLeft: [0.15, 0],
    ArrowRight: [-0.15, 0],
    ArrowUp: [0, 0.15],
    ArrowDown: [0, -0.15],
  };
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

  dialog.addEventListener('keydown', (e) => {
    // Tab goes through the tools, the stage and the diagram's links in reading order: the page behind is out of reach while it is open.
    if (e.key === 'Tab') {
      const stops: HTMLElement[] | SVGAElement[] = [
        ...header.querySelectorAll<HTMLElement>('button'),
        stage,
        ...(links as unknown as HTMLElement[]),
      ];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : at === -1 || at === stops.length - 1 ? 0 : at + 1;
      const target = stops[next]!;
      target.focus({ preventScroll: true });
      if (target instanceof SVGElement) bringIntoView(target);
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
    if (pan) panBy(pan[0], pan[1]);
    else if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') zoomBy(0.8);
    else if (e.key === '0') fit();
    else return;
    e.preventDefault();
  });
  header.addEventListener('click', async (e) => {
    const action = (e.target as Element).closest<HTMLButtonElement>('button')?.dataset.viewer;
    const pressed = (e.target as Element).closest<HTMLButtonElement>('button');
    if (action === 'layer' && pressed) {
      const shown = pressed.getAttribute('aria-pressed') !== 'true';
      pressed.setAttribute('aria-pressed', String(shown));
      dialog.toggleAttribute(`data-hide-${pressed.dataset.kind}`, !shown);
      return;
    }
    if (action === 'focus' && pressed) {
      const on = pressed.getAttribute('aria-pressed') !== 'true';
      pressed.setAttribute('aria-pressed', String(on));
      say(on ? 'Focus mode: click a box to focus it, or the background to clear' : 'Focus mode off: boxes follow their links');
      return;
    }
    if (action === 'close') dialog.close();
    else if (action === 'in') zoomBy(1.25);
    else if (action === 'out') zoomBy(0.8);
    else if (action === 'fit') fit();
    else if (action === 'svg') say(saved(downloadSvg(figure)));
    else if (action === 'png') say(saved(await downloadPng(figure)));
    else if (action === 'copy') say((await copySource(figure)) ? 'Copied the mermaid source' : 'Could not copy: the browser refused');
  });
  dialog.addEventListener('close', () => {
    panzoom.destroy();
    dialog.remove();
    opener.focus();
  });
  stage.focus();
}
