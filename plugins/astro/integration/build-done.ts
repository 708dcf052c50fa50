import type { AstroIntegrationLogger } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addPolicyMeta, contentSecurityPolicy } from '../csp.ts';
import { sourceRoute } from '../diagrams/figure.ts';
import { publishMermaidClient } from '../diagrams/mermaid-client.ts';
import { releaseMemory } from '../release-memory.ts';
import type { IntegrationState } from './state.ts';

/**
 * `astro:build:done`, first of its hooks: puts the pages kept from the last build in place
 * before anything (pagefind, the policy) reads the output, then writes what archsite adds to
 * it: the Content-Security-Policy, mermaid for readers' browsers, diagram sources too long to inline.
 */
export async function completeOutput(state: IntegrationState, out: string, logger: AstroIntegrationLogger): Promise<void> {
  state.clock?.start('output');
  const cache = state.pages;
  state.pages = undefined;
  await cache?.placeKept(out);
  state.searchViews = await cache?.searchViews(out);
  const counts = await cache?.close();
  if (counts) state.say(logger, `${counts.rendered} pages rendered and ${counts.reused} unchanged since the last build`);
  // The policy the site works under, next to it, for the server (or a proxy) to send.
  const policy = contentSecurityPolicy(out, cache?.scriptHashes(out));
  // Before pagefind indexes the site next to this process.
  releaseMemory();
  mkdirSync(path.join(out, '_archsite'), { recursive: true });
  writeFileSync(path.join(out, '_archsite', 'content-security-policy.txt'), `${policy}\n`);
  // mermaid, for readers' browsers, where they draw the diagrams themselves.
  if (state.site?.diagrams.mode === 'client') publishMermaidClient(out);
  // Sources too long to put under their figures, which link here instead.
  for (const text of state.longSources) {
    const file = path.join(out, sourceRoute(text));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  // Hosts that cannot send headers (GitHub Pages) can carry the policy in every page.
  if (state.settings.cspMeta) addPolicyMeta(out, policy);
}
