/**
 * The one hand-off between the integration and the pages: the build's `site` (and, in a
 * build, its page cache). Astro runs the integration in Node and the pages in a bundle of
 * their own, so a module of ours exists twice, once in each; this one is plain JavaScript
 * and imported by its package name (`archsite/build-state`), which the integration
 * keeps out of the bundle: Node loads it once, and both sides see the same state.
 *
 * Only the integration publishes; only the middleware and `getStaticPaths` read (see
 * static-paths.ts). Pages get the site from `Astro.locals.site`.
 */

/** @type {import('./build-state.d.mts').BuildState | undefined} */
let current;

/** @param {import('./build-state.d.mts').BuildState} state */
export function publishBuild(state) {
  current = state;
}

/** @returns {import('./build-state.d.mts').BuildState} */
export function currentBuild() {
  if (!current) throw new Error('archsite: no site was published: the archsite integration must run before the pages');
  return current;
}
