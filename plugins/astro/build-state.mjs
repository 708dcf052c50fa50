/**
 * The one hand-off between the integration and the pages: the build's `site` (and, in a
 * build, its page cache). Astro runs the integration in Node and the pages in a bundle of
 * their own, so a module of ours exists twice, once in each; this one is plain JavaScript
 * and imported by its package name (`archsite/build-state`), which the integration
 * keeps out of the bundle: Node loads it once, and both sides see the same state.
 *
 * Only the integration publishes; only the middleware, `getStaticPaths` and the content
 * collections read (see site-reads.ts and collection-reads.ts). Pages get the site from `Astro.locals.site`.
 */

/** @type {import('./build-state.d.mts').BuildState | undefined} */
let current;

/** @type {Set<(state: import('./build-state.d.mts').BuildState) => Promise<void> | void>} */
const listeners = new Set();

/**
 * Publishes the build's state, and waits for what follows it (see `onPublish`).
 * @param {import('./build-state.d.mts').BuildState} state
 */
export async function publishBuild(state) {
  current = state;
  await Promise.all([...listeners].map((listener) => listener(state)));
}

/**
 * Calls `listener` with each state published from now on (in dev, a new site after an
 * edit); returns what stops it.
 * @param {(state: import('./build-state.d.mts').BuildState) => Promise<void> | void} listener
 */
export function onPublish(listener) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** @returns {import('./build-state.d.mts').BuildState} */
export function currentBuild() {
  if (!current) throw new Error('archsite: no site was published: the archsite integration must run before the pages');
  return current;
}
