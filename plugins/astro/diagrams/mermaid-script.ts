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

/**
 * Changes mermaid's bundle to copy its configuration lazily (see `lazyGetConfig`), or
 * returns undefined when the bundle does not hold exactly one `getConfig` of the known
 * shape (another mermaid version): then it is used as it is.
 */
export function patchMermaid(source: string): string | undefined {
  const matches = [...source.matchAll(GET_CONFIG)];
  if (matches.length !== 1) return undefined;
  const [whole, name, wrap, assign, current] = matches[0]!;
  // `assign` must be the function `getSiteConfig()`, just before it, copies with too.
  const getSiteConfig = source.lastIndexOf(`=${wrap}(()=>${assign}({},`, matches[0]!.index - 1);
  if (getSiteConfig < 0 || !/^[\w$]+\),"getSiteConfig"\)/.test(source.slice(getSiteConfig + `=${wrap}(()=>${assign}({},`.length)))
    return undefined;
  return source.replace(whole, () => lazyGetConfig(name!, wrap!, assign!, current!));
}

let script: { source: string; patched: boolean } | undefined;

/** The mermaid bundle pages render with: patched when the patch applies, else as published. */
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
