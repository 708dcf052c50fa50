import { describe, expect, it } from 'vitest';
import { webAddress } from '../../plugins/astro/git-dates.ts';
import { editUrlOf } from '../../plugins/pages/edit-links.ts';
import type { Site } from '../../plugins/pages/site.ts';
import { testSite } from '../helpers/site.ts';
import { BASE } from '../helpers/tree.ts';

describe('the web address of a git remote', () => {
  it.each([
    ['https://github.com/acme/shop.git', 'https://github.com/acme/shop'],
    ['https://github.com/acme/shop', 'https://github.com/acme/shop'],
    ['git@github.com:acme/shop.git', 'https://github.com/acme/shop'],
    ['ssh://git@gitlab.example.com/group/sub/shop.git', 'https://gitlab.example.com/group/sub/shop'],
    ['https://user:secret@github.com/acme/shop.git', undefined],
    ['/srv/git/shop.git', undefined],
    ['file:///srv/git/shop.git', undefined],
    [undefined, undefined],
  ])('%s → %s', (remote, address) => {
    expect(webAddress(remote)).toBe(address);
  });
});

describe('edit links', async () => {
  const base = await testSite({ ...BASE });
  const top = base.model.contentDir.replace(/\/content$/, '');
  const site = (system: Record<string, string>, git: Partial<Site['git']>): Site => ({
    ...base,
    model: { ...base.model, system: { ...base.model.system, data: { ...base.model.system.data, ...system } } },
    git: { top, dates: new Map(), ...git },
  });

  it.each([
    [
      'system.yaml names repository and branch',
      { repository: 'https://github.com/acme/shop/', branch: 'trunk' },
      {},
      'https://github.com/acme/shop/edit/trunk/content/services/orders.yaml',
    ],
    [
      'the branch checked out, where system.yaml names none',
      { repository: 'https://github.com/acme/shop' },
      { branch: 'release/2.0' },
      'https://github.com/acme/shop/edit/release/2.0/content/services/orders.yaml',
    ],
    [
      'main, on a detached head',
      { repository: 'https://github.com/acme/shop' },
      {},
      'https://github.com/acme/shop/edit/main/content/services/orders.yaml',
    ],
    [
      "git's origin, where system.yaml names no repository",
      {},
      { repository: 'https://gitlab.com/acme/shop', branch: 'dev' },
      'https://gitlab.com/acme/shop/-/edit/dev/content/services/orders.yaml',
    ],
    ['none without a repository', {}, {}, undefined],
  ])('%s', (_, system, git, url) => {
    expect(editUrlOf(site(system, git), 'services/orders.yaml')).toBe(url);
  });

  it('encodes the path, and gives none for a file outside the repository', () => {
    const s = site({ repository: 'https://github.com/acme/shop' }, {});
    expect(editUrlOf(s, 'docs/a b#1.md')).toBe('https://github.com/acme/shop/edit/main/content/docs/a%20b%231.md');
    expect(
      editUrlOf(site({ repository: 'https://github.com/acme/shop' }, { top: `${top}/elsewhere` }), 'services/orders.yaml'),
    ).toBeUndefined();
  });
});
