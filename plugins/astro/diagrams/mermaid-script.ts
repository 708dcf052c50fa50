import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

/**
 * mermaid's `getConfig()` in its minified bundle: `ri=i(()=>Bh({},Uee),"getConfig")`, where
 * `i` names the function, `Bh` is `assignWithDepth` and `Uee` the current configuration.
 */
const GET_CONFIG = /([\w$]+)=([\w$]+)\(\(\)=>([\w$]+)\(\{\},([\w$]+)\),"getConfig"\)/g;

/**
 * The same `getConfig()`, copying lazily. mermaid's returns a fresh copy, three levels
 * deep, of its whole configuration (about 1,800 values: every diagram type's section and
 * some 600 theme variables), and calls it about 90 times per flowchart, mostly to read
 * one value. The copy then takes about a third of a diagram's rendering time.
 *
 * This one returns an object with the same keys in the same order. A primitive value is
 * set at once. An object value is copied, exactly as the original copies it
 * (`assignWithDepth` one level down), the first time it is read. Writing a key replaces it,
 * as on the original's copy. Copying on first read gives the same values as copying
 * up front: mermaid replaces the current configuration whole whenever it changes and
 * never writes into it, and no other code can reach it.
 */
function lazyGetConfig(name: string, wrap: string, assign: string, current: string): string {
  const own = 'writable:!0,enumerable:!0,configurable:!0';
  // Local names no minifier gives, so they cannot hide the bundle's own.
  const [c, k, v, d] = ['__archsite_c', '__archsite_k', '__archsite_v', '__archsite_d'];
  return (
    `${name}=${wrap}(()=>{const ${c}={};for(const[${k},${v}]of Object.entries(${current}))` +
    `if(typeof ${v}!=="object"){if(${k}!=="__proto__")${c}[${k}]=${v}}` +
    `else if(${v}!==null)Object.defineProperty(${c},${k},{enumerable:!0,configurable:!0,` +
    `get(){const ${d}=${assign}(Array.isArray(${v})?[]:{},${v},{depth:1});Object.defineProperty(${c},${k},{value:${d},${own}});return ${d}},` +
    `set(${d}){Object.defineProperty(${c},${k},{value:${d},${own}})}});return ${c}},"getConfig")`
  );
}

/** Where mermaid's bundle makes its DOMPurify: `i(Lor,"createDOMPurify");oy=Lor()`. */
const CREATE_DOMPURIFY = /([\w$]+)\(([\w$]+),"createDOMPurify"\);([\w$]+)=\2\(\)/g;

/**
 * A DOMPurify whose `sanitize` remembers what it returned for a label. mermaid sanitizes
 * every label about four times while it draws (in `strict`, each call parsing the label as
 * a document of its own): about a quarter of a small diagram's rendering time, for labels
 * that recur across a site's diagrams ("publishes", a service's name and technology).
 *
 * DOMPurify's answer depends only on the text, the configuration and the hooks, so it is
 * reused only for a text of at most 4 KB (a whole SVG is sanitized once anyway) and a
 * configuration of plain data (compared as JSON); a function or pattern in it is sanitized
 * afresh each time, as is anything that is not a string. Adding or removing a hook, or
 * setting a configuration, forgets every answer.
 */
function memoSanitize(purify: string): string {
  const [p, s, m, plain, k, f, d, c, r] = [
    '__archsite_p',
    '__archsite_s',
    '__archsite_m',
    '__archsite_j',
    '__archsite_k',
    '__archsite_f',
    '__archsite_d',
    '__archsite_c',
    '__archsite_r',
  ];
  return (
    `((${p})=>{const ${s}=${p}.sanitize,${m}=new Map,` +
    `${plain}=(${d})=>typeof ${d}==="string"||typeof ${d}==="boolean"||typeof ${d}==="number"||(Array.isArray(${d})?${d}.every(${plain}):` +
    `${d}!==null&&typeof ${d}==="object"&&Object.getPrototypeOf(${d})===Object.prototype&&Object.values(${d}).every(${plain}));` +
    `for(const ${k} of["addHook","removeHook","removeHooks","removeAllHooks","setConfig","clearConfig"]){const ${f}=${p}[${k}];` +
    `if(typeof ${f}==="function")${p}[${k}]=function(){${m}.clear();return ${f}.apply(this,arguments)}}` +
    `${p}.sanitize=function(${d},${c}){if(arguments.length>2||typeof ${d}!=="string"||${d}.length>4096||(${c}!==void 0&&!${plain}(${c})))` +
    `return ${s}.apply(this,arguments);const ${k}=JSON.stringify(${c}===void 0?null:${c})+"\\0"+${d};let ${r}=${m}.get(${k});` +
    `if(${r}===void 0){${r}=${s}.call(this,${d},${c});if(typeof ${r}!=="string")return ${r};if(${m}.size>=1e4)${m}.clear();${m}.set(${k},${r})}` +
    `return ${r}};return ${p}})(${purify})`
  );
}

/** A change to mermaid's bundle: the bundle changed, or undefined where it does not hold the one place it changes. */
type Patch = (source: string) => string | undefined;

/**
 * The matches of `pattern` in `source` that hold `literal`, found around each place the literal
 * is instead of from every position of a 5 MB bundle (0.13 s a build). A match is searched for
 * from a little before the literal, back to the start of the name running there, to a little
 * after it: the shapes patched here are a few names and punctuation long.
 */
function matchesAround(source: string, pattern: RegExp, literal: string): (RegExpMatchArray & { index: number })[] {
  const name = /[\w$]/;
  const found: (RegExpMatchArray & { index: number })[] = [];
  for (let at = source.indexOf(literal); at !== -1; at = source.indexOf(literal, at + literal.length)) {
    let from = Math.max(0, at - 512);
    while (from > 0 && name.test(source[from - 1]!)) from--;
    let to = Math.min(source.length, at + literal.length + 512);
    while (to < source.length && name.test(source[to]!)) to++;
    for (const match of source.slice(from, to).matchAll(pattern)) {
      const index = from + match.index;
      if (index > at || index + match[0].length < at + literal.length) continue;
      found.push(Object.assign(match, { index }));
    }
  }
  return found;
}

/** `getConfig` made lazy (see `lazyGetConfig`). */
const lazyConfig: Patch = (source) => {
  const matches = matchesAround(source, GET_CONFIG, '"getConfig")');
  if (matches.length !== 1) return undefined;
  const [whole, name, wrap, assign, current] = matches[0]!;
  // `assign` must be the function `getSiteConfig()`, just before it, copies with too.
  const getSiteConfig = source.lastIndexOf(`=${wrap}(()=>${assign}({},`, matches[0]!.index - 1);
  if (getSiteConfig < 0 || !/^[\w$]+\),"getSiteConfig"\)/.test(source.slice(getSiteConfig + `=${wrap}(()=>${assign}({},`.length)))
    return undefined;
  return source.replace(whole, () => lazyGetConfig(name!, wrap!, assign!, current!));
};

/** DOMPurify's `sanitize` remembering its answers (see `memoSanitize`). */
const rememberedSanitize: Patch = (source) => {
  const matches = matchesAround(source, CREATE_DOMPURIFY, '"createDOMPurify");');
  if (matches.length !== 1) return undefined;
  const [whole, wrap, create, instance] = matches[0]!;
  return source.replace(whole, () => `${wrap}(${create},"createDOMPurify");${instance}=${memoSanitize(`${create}()`)}`);
};

/** The changes archsite makes to mermaid's bundle, by name. Each changes what it takes longest to do, never what it draws. */
export const PATCHES = { lazyConfig, rememberedSanitize } as const;

/**
 * Changes mermaid's bundle to copy its configuration lazily (see `lazyGetConfig`) and to
 * remember DOMPurify's answers (see `memoSanitize`), each where the bundle holds exactly
 * one place of the known shape; returns undefined when neither applies (another mermaid
 * version): then it is used as it is.
 */
export function patchMermaid(source: string): string | undefined {
  let patched: string | undefined;
  for (const patch of Object.values(PATCHES)) patched = patch(patched ?? source) ?? patched;
  return patched;
}

let script: { source: string; patched: boolean } | undefined;

/**
 * The mermaid bundle pages render with: patched where the patches apply, else as published.
 * (Its ES module build, which reads a diagram type's code only when first drawn, loads a
 * page a second sooner, and then draws its first diagrams as much slower: no quicker in all.)
 */
export function mermaidScript(): { source: string; patched: boolean } {
  if (!script) {
    const source = readFileSync(MERMAID, 'utf8');
    const patched = patchMermaid(source);
    script = patched === undefined ? { source, patched: false } : { source: patched, patched: true };
  }
  return script;
}

/** mermaid's bundle as published. */
export function stockMermaidScript(): string {
  return readFileSync(MERMAID, 'utf8');
}
