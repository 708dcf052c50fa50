// archsite: pagefind's search as the site's search box uses it. This file is copied as it is
// next to pagefind's own (see plugins/astro/search-entry.ts), so it is plain JavaScript.

/**
 * Pagefind's search API (`pagefind/pagefind.js`), as archsite's readers expect it to act:
 * - The values ticked in one filter are OR-ed. Pagefind's UI asks for them together (Kind =
 *   Event and Service finds pages that are both: none); its search takes `{ any: [...] }`.
 * - A filter's counts say what ticking each value adds: the results of the other filters'
 *   choices, not of its own. Pagefind counts within all the choices, so once two kinds are
 *   ticked, every other kind says (0), and still adds results when ticked.
 * - An excerpt never starts with the title shown above it, and the page's title is not a
 *   section of itself: pagefind's excerpts start at the page's or the section's heading, and
 *   its first section is the page's title, so the reader met each title two or three times.
 * - Every filter is offered from the first search on. Pagefind counts a search's filters over
 *   the filter indexes it has loaded so far, and its UI keeps the first filters it is given: a
 *   search answered before they had all loaded (a busy machine, a slow network) left the
 *   reader with "Status" alone until the next search. Searches wait for every index.
 *
 * @param {any} engine pagefind's own module
 * @param {string} basePath where the index is
 */
export async function pagefindApi(engine, basePath) {
  await engine.options({ basePath });

  /** Every filter with its values, once every filter index is loaded; asked again after a failure. @type {Promise<any> | undefined} */
  let allFilters;
  const filters = () =>
    (allFilters ??= engine.filters().catch((/** @type {unknown} */ error) => {
      allFilters = undefined;
      throw error;
    }));
  /** Before a search: every filter index loaded (a search that fails to load them still runs). */
  const everyFilter = () => filters().catch(() => undefined);

  /**
   * The results as archsite shows them: each chosen filter counted without its own choice.
   * @param {string | null} term @param {any} options @param {any} results
   */
  async function finish(term, options, results) {
    if (!results) return results;
    const filters = { ...results.filters };
    await Promise.all(
      chosenFilters(options).map(async (name) => {
        const others = Object.fromEntries(Object.entries(options.filters).filter(([other]) => other !== name));
        const without = await engine.search(term, { ...options, filters: anyOf(others) });
        if (without && without.filters && without.filters[name]) filters[name] = without.filters[name];
      }),
    );
    return { ...results, filters, results: results.results.map(tidied) };
  }

  return {
    /** @param {any} options */
    options: (options) => engine.options({ ...options, basePath }),
    init: () => engine.init(),
    destroy: () => engine.destroy(),
    filters,
    /** @param {string} indexPath @param {any} options */
    mergeIndex: (indexPath, options) => engine.mergeIndex(indexPath, options),
    /** @param {any} options */
    createInstance: (options) => engine.createInstance(options),
    /** @param {string | null} term @param {any} options */
    search: async (term, options) => {
      await everyFilter();
      return finish(term, options, await engine.search(term, withAny(options)));
    },
    /** @param {string | null} term @param {any} options @param {number} timeout */
    debouncedSearch: async (term, options, timeout) => {
      await everyFilter();
      return finish(term, options, await engine.debouncedSearch(term, withAny(options), timeout));
    },
    /** @param {string | null} term @param {any} options */
    preload: (term, options) => engine.preload(term, withAny(options)),
  };
}

/**
 * The filters with values ticked.
 * @param {any} options
 * @returns {string[]}
 */
function chosenFilters(options) {
  if (!options || !options.filters) return [];
  return Object.entries(options.filters)
    .filter(([, values]) => Array.isArray(values) && values.length > 0)
    .map(([name]) => name);
}

/**
 * Each filter's values OR-ed.
 * @param {Record<string, unknown>} filters
 */
function anyOf(filters) {
  return Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, Array.isArray(values) ? { any: values } : values]));
}

/** @param {any} options */
function withAny(options) {
  return options && options.filters ? { ...options, filters: anyOf(options.filters) } : options;
}

/**
 * A result whose data's excerpts do not start with their titles, and whose section at the
 * page's top (Starlight's `#_top` heading, the page's title) is the page itself, which the UI
 * then shows as the result's own excerpt instead of a section named like the page.
 * @param {any} result
 */
function tidied(result) {
  return {
    ...result,
    data: async () => {
      const data = await result.data();
      const subs = Array.isArray(data.sub_results) ? data.sub_results : [];
      const top = subs.find((/** @type {any} */ sub) => sub.url === `${data.url}#_top`);
      const rest = subs.filter((/** @type {any} */ sub) => sub !== top);
      const sections = [...(top ? [{ ...top, url: data.url }] : []), ...rest];
      return {
        ...data,
        excerpt: withoutLead(data.excerpt, data.meta && data.meta.title),
        sub_results: Array.isArray(data.sub_results)
          ? sections.map((/** @type {any} */ sub) => ({ ...sub, excerpt: withoutLead(sub.excerpt, sub.title) }))
          : data.sub_results,
      };
    },
  };
}

/**
 * An excerpt without the title it starts with, and the stop pagefind puts after a heading:
 * "<mark>Order</mark> Service. Manages orders" after "Order Service" is "Manages orders". An
 * excerpt that starts otherwise, or whose title ends inside a word or inside a mark, is kept.
 *
 * @param {string | undefined} excerpt pagefind's excerpt: escaped text with `<mark>` elements
 * @param {string | undefined} title the title shown above it, as text
 * @returns {string | undefined}
 */
export function withoutLead(excerpt, title) {
  if (!excerpt || !title) return excerpt;
  const want = title.trim().replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (want === '') return excerpt;
  let at = 0;
  let matched = 0;
  let open = 0;
  while (matched < want.length || excerpt.startsWith('</', at)) {
    if (excerpt[at] === '<') {
      const end = excerpt.indexOf('>', at);
      if (end === -1) return excerpt;
      open += excerpt[at + 1] === '/' ? -1 : 1;
      at = end + 1;
      continue;
    }
    const char = excerpt[at];
    if (char === undefined) return excerpt;
    if (want[matched] === ' ' && /\s/.test(char)) {
      while (/\s/.test(excerpt[at + 1] ?? '')) at += 1;
    } else if (char !== want[matched]) return excerpt;
    at += 1;
    matched += 1;
  }
  const rest = excerpt.slice(at);
  if (open !== 0 || (rest !== '' && !/^[\s.:;,!?]/.test(rest))) return excerpt;
  return rest.replace(/^[.:]?\s*/, '');
}
