import type { StarlightUserConfig } from '@astrojs/starlight/types';
import type { Model } from '../model/model.ts';

/** Starlight's options, derived from the model: title, edit links, sidebar. */
export function starlightOptions(model: Model | undefined): StarlightUserConfig {
  const system = model?.system.data;
  const repository = system?.repository?.replace(/\/+$/, '');
  return {
    title: system?.name || 'Architecture',
    ...(system?.description ? { description: system.description } : {}),
    ...(repository ? { editLink: { baseUrl: `${repository}/edit/${system?.branch ?? 'main'}/` } } : {}),
    lastUpdated: true,
    pagefind: true,
    sidebar: [
      { label: 'Overview', items: [{ label: 'Home', link: '/' }] },
      { label: 'Docs', items: [{ autogenerate: { directory: 'docs' } }] },
      { label: 'Reference', items: [{ label: 'Checks', link: '/reference/checks/' }] },
    ],
  };
}
