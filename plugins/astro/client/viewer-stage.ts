/**
 * The viewer's stage: the diagram to pan and zoom with `@panzoom/panzoom`, fitted and centred
 * when it opens, zoomed about the pointer (wheel, pinch) or the middle (`+`, `-`), and held so
 * that the stage's middle is always on the diagram.
 */
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';

export interface StageControls {
  readonly panzoom: PanzoomObject;
  /** The whole diagram, at most at its natural size, in the middle. */
  fit(): void;
  /** Zooms about the middle of the stage. */
  zoomBy(factor: number): void;
  /** Pans by a share of the stage. */
  panBy(x: number, y: number): void;
  /** Brings a box of the diagram to the middle of the stage (a link reached with Tab). */
  bringIntoView(target: Element): void;
  /**
   * Keeps the diagram where it is, whatever changes size from now on: the reader has started
   * working in the viewer (a tool pressed, a key), and a line of status that wraps must not
   * move the box they are about to click. `fit` follows the size again.
   */
  hold(): void;
  /** Stops fitting the diagram to the stage's size (the viewer is closing). */
  stop(): void;
}

export function stageControls(stage: HTMLElement, holder: HTMLElement, size: { width: number; height: number }): StageControls {
  const { width, height } = size;
  /**
   * The fitted view. Panzoom scales about the diagram's middle (its default transform origin,
   * for which its focal-point zoom is made) and translates in unscaled pixels, from where the
   * diagram lies unmoved: the stage's top left corner.
   */
  const fitted = () => {
    const scale = Math.min(1, (stage.clientWidth * 0.96) / width, (stage.clientHeight * 0.96) / height);
    return { scale, x: (stage.clientWidth - width) / 2 / scale, y: (stage.clientHeight - height) / 2 / scale };
  };
  const start = fitted();
  const panzoom = Panzoom(holder, {
    minScale: 0.02,
    maxScale: 8,
    step: 0.25,
    cursor: 'grab',
    startScale: start.scale,
    startX: start.x,
    startY: start.y,
  });
  /** Pans by stage pixels. */
  const shift = (dx: number, dy: number, options: { silent?: boolean } = {}) => {
    const scale = panzoom.getScale();
    panzoom.pan(panzoom.getPan().x + dx / scale, panzoom.getPan().y + dy / scale, { animate: false, force: true, ...options });
  };
  const middle = () => {
    const box = stage.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  };
  /**
   * Keeps the stage's middle on the diagram, however it is panned or zoomed: a diagram can
   * never be lost off the stage. Panzoom's own containment keeps a diagram either wholly
   * inside the stage or covering it, neither of which a diagram wider than tall allows.
   */
  holder.addEventListener('panzoomchange', () => {
    const box = holder.getBoundingClientRect();
    const { x, y } = middle();
    const dx = box.left > x ? x - box.left : box.right < x ? x - box.right : 0;
    const dy = box.top > y ? y - box.top : box.bottom < y ? y - box.bottom : 0;
    if (dx !== 0 || dy !== 0) shift(dx, dy, { silent: true });
  });
  const fit = () => {
    const { scale, x, y } = fitted();
    panzoom.zoom(scale, { animate: false, force: true });
    panzoom.pan(x, y, { animate: false, force: true });
  };
  /**
   * Until the reader moves the diagram, or does anything else in the viewer (see `hold`), it
   * stays fitted: the stage or the diagram can still change size after the dialog opens (its
   * styles or the page's layout settling on a busy machine left the diagram opened 106 px off
   * the middle), and it is fitted again each time.
   */
  let moved = false;
  const move = () => (moved = true);
  holder.addEventListener('panzoomstart', move);
  stage.addEventListener('wheel', move);
  const resized = new ResizeObserver(() => {
    if (!moved) fit();
  });
  resized.observe(stage);
  resized.observe(holder);
  stage.addEventListener('wheel', panzoom.zoomWithWheel);
  return {
    panzoom,
    fit() {
      moved = false;
      fit();
    },
    zoomBy(factor) {
      moved = true;
      const { x, y } = middle();
      panzoom.zoomToPoint(panzoom.getScale() * factor, { clientX: x, clientY: y });
    },
    panBy(x, y) {
      moved = true;
      shift(x * stage.clientWidth, y * stage.clientHeight);
    },
    bringIntoView(target) {
      moved = true;
      const box = target.getBoundingClientRect();
      const { x, y } = middle();
      shift(x - (box.left + box.width / 2), y - (box.top + box.height / 2));
    },
    hold: move,
    stop() {
      resized.disconnect();
    },
  };
}
