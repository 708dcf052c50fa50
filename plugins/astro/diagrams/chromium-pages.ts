import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.ts';

/**
 * One headless Chromium for a build's diagrams, started when a drawing first needs it, and
 * its pages with mermaid loaded (see `mermaidPage`) shared by every drawing of the build: the
 * content's fences take the first page, and the generated views the pages given back. A build
 * whose fences and views both need a browser starts Chromium and loads mermaid once, not once
 * for each (measured on two cores: one fence took 3.2 s alone, 6.4 s beside another browser
 * starting).
 *
 * Pages are opened up to the most any drawing asked for; a drawing that asks for one past that
 * waits for the next page given back, first asked first served.
 */
export class ChromiumPages {
  readonly #executablePath: string;
  readonly #newPage: (page: Page) => Promise<Page>;
  #browser: Promise<Browser> | undefined;
  readonly #idle: Page[] = [];
  readonly #waiting: { resolve: (page: Page) => void; reject: (error: unknown) => void }[] = [];
  /** Batches each page has drawn: a page is replaced now and then (see `counted`). */
  readonly #drawn = new WeakMap<Page, number>();
  #open = 0;
  #opened = 0;
  #limit = 1;
  #closed = false;

  /** `newPage` makes a fresh page ready to draw (loads mermaid into it). */
  constructor(executablePath: string, newPage: (page: Page) => Promise<Page>) {
    this.#executablePath = executablePath;
    this.#newPage = newPage;
  }

  /** How many pages were opened (a page replaced after its batches counts again). */
  get opened(): number {
    return this.#opened;
  }

  /** Whether Chromium runs (started, and not resting or closed). */
  get started(): boolean {
    return this.#browser !== undefined;
  }

  /** A page ready to draw: an idle one, else a new one while fewer than `wanted` are open, else the next one given back. */
  async take(wanted: number): Promise<Page> {
    if (this.#closed) throw new Error('the diagrams’ browser is closed');
    this.#limit = Math.max(this.#limit, wanted);
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#open >= this.#limit) return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
    this.#open++;
    try {
      return await this.#fresh();
    } catch (error) {
      // No page to hand over: whoever waits for one would wait for ever.
      this.#open--;
      for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
      throw error;
    }
  }

  /** Gives a page back, to the first drawing waiting for one, else to the idle ones. */
  give(page: Page): void {
    if (this.#closed) return;
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve(page);
    else this.#idle.push(page);
  }

  /** Counts a batch drawn on `page`; after `every` batches, closes it and hands over a fresh one (a page holds on to memory). */
  async counted(page: Page, every: number): Promise<Page> {
    const drawn = (this.#drawn.get(page) ?? 0) + 1;
    this.#drawn.set(page, drawn);
    if (drawn % every !== 0) return page;
    await page.close();
    const fresh = await this.#fresh();
    this.#drawn.set(fresh, drawn);
    return fresh;
  }

  /**
   * Closes Chromium while no drawing holds a page, to give its memory back while the build
   * goes on (about 600 MB at N=1,000, where it was the build's peak beside the drawing in
   * Node); a drawing that takes a page later starts it again.
   */
  async rest(): Promise<void> {
    const browser = this.#browser;
    if (this.#closed || !browser || this.#idle.length !== this.#open) return;
    this.#browser = undefined;
    this.#idle.length = 0;
    this.#open = 0;
    await (await browser.catch(() => undefined))?.close();
  }

  /** Closes Chromium, if it was started; pages taken after this are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#idle.length = 0;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error('the diagrams’ browser is closed'));
    const browser = this.#browser;
    this.#browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  async #fresh(): Promise<Page> {
    this.#browser ??= this.#launch();
    this.#opened++;
    return this.#newPage(await (await this.#browser).newPage());
  }

  async #launch(): Promise<Browser> {
    // Loaded only when Chromium is needed: most diagrams are drawn in Node, and a dev server's first page comes sooner.
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: this.#executablePath, args: CHROMIUM_ARGS });
  }
}
