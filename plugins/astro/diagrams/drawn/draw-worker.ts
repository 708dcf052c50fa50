import { parentPort, workerData } from 'node:worker_threads';
import { SvgStore } from '../svg-store.ts';
import { drawInNode } from './draw.ts';
import { TextMetrics } from './text-metrics.ts';

/**
 * A worker thread's share of the diagrams drawn in Node (see render.ts, `drawAllInNode`):
 * draws each, keeps both themes in the store's folder, and answers with the texts it could
 * not draw, which mermaid then draws.
 */
const { texts, dir } = workerData as { texts: readonly string[]; dir: string };
const store = new SvgStore(dir);
const metrics = new TextMetrics();
const left: string[] = [];
for (const text of texts) {
  const drawn = drawInNode(text, metrics);
  if (!drawn) left.push(text);
  else {
    store.store(text, 'light', drawn.light);
    store.store(text, 'dark', drawn.dark);
  }
}
parentPort!.postMessage(left);
