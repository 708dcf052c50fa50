import { Worker } from 'node:worker_threads';
import type { ThreadGo, ThreadMessage, ThreadRequest, ThreadStart } from './thread-protocol.ts';

/** A page as a thread rendered it, or `elsewhere`: the build's own thread is to render it. */
export type ThreadAnswer = Extract<ThreadMessage, { type: 'page' }> | 'elsewhere';

export interface ThreadEvents {
  /** A thread that will render nothing, and why. */
  refused(reason: string): void;
  log(level: 'warn' | 'error', message: string): void;
}

/**
 * One page thread (page-thread.ts), from the build's side: pages sent to it and their answers.
 * A thread that refuses or dies answers `elsewhere` for what it still had.
 */
class PageThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (answer: ThreadAnswer) => void; reject: (error: Error) => void }>();
  #state: 'starting' | 'ready' | 'gone' = 'starting';
  #next = 0;

  constructor(start: ThreadStart, events: ThreadEvents) {
    this.#worker = new Worker(new URL('./page-thread.ts', import.meta.url), { workerData: start });
    // A build that stops before its pages (a content error) exits without waiting for it; while
    // it has pages in hand, it holds the build open (the build may be waiting on nothing else).
    this.#worker.unref();
    this.#worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'ready') this.#state = 'ready';
      else if (message.type === 'refused') {
        this.#gone();
        events.refused(message.reason);
      } else if (message.type === 'log')
        events.log(message.level, message.label ? `[${message.label}] ${message.message}` : message.message);
      else this.#answer(message);
    });
    this.#worker.on('error', (error) => {
      this.#gone();
      events.refused(error.message);
    });
    this.#worker.on('exit', () => this.#gone());
  }

  get ready(): boolean {
    return this.#state === 'ready';
  }

  get inFlight(): number {
    return this.#pending.size;
  }

  go(order: ThreadGo): void {
    if (this.#state === 'starting') this.#worker.postMessage(order);
  }

  render(url: string, route: { route: string; component: string }): Promise<ThreadAnswer> {
    const id = this.#next++;
    const request: ThreadRequest = { type: 'page', id, url, route: route.route, component: route.component };
    return new Promise<ThreadAnswer>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  #answer(message: Exclude<ThreadMessage, { type: 'ready' | 'refused' | 'log' }>): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (message.type === 'failed') pending.reject(Object.assign(new Error(message.message), { stack: message.stack }));
    else pending.resolve(message.type === 'elsewhere' ? 'elsewhere' : message);
  }

  #gone(): void {
    if (this.#state === 'gone') return;
    this.#state = 'gone';
    for (const { resolve } of this.#pending.values()) resolve('elsewhere');
    this.#pending.clear();
    void this.#worker.terminate();
  }

  async stop(): Promise<void> {
    this.#gone();
    await this.#worker.terminate();
  }
}

/**
 * The page threads of a build, started with it (they read the content while Astro bundles the
 * pages), told to go once the pages can render: each page then goes to the least busy of
 * them, or back to the build's own thread.
 */
export class PageThreadPool {
  readonly #threads: PageThread[];

  constructor(count: number, start: ThreadStart, events: ThreadEvents) {
    this.#threads = Array.from({ length: count }, () => new PageThread(start, events));
  }

  /** Hands every thread what it renders with. */
  go(order: ThreadGo): void {
    for (const thread of this.#threads) thread.go(order);
  }

  /**
   * The thread to render the next page: the one with the fewest pages in hand, unless each
   * has `depth` already. A thread is kept well ahead: its answers wait for the build's own
   * thread to take them, between pages of its own.
   */
  pick(depth: number): PageThread | undefined {
    let best: PageThread | undefined;
    for (const thread of this.#threads)
      if (thread.ready && thread.inFlight < depth && (!best || thread.inFlight < best.inFlight)) best = thread;
    return best;
  }

  async stop(): Promise<void> {
    await Promise.all(this.#threads.map((thread) => thread.stop()));
  }
}
