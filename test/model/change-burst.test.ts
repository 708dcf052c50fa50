import { describe, expect, it } from 'vitest';
import { ChangeBurst, outsideContent, type FileChange } from '../../plugins/model/change-burst.ts';

describe('a burst of writes is handed on once, when it has settled', () => {
  const settle = (writes: [string, FileChange][]) =>
    new Promise<[string, FileChange][][]>((resolve) => {
      const seen: [string, FileChange][][] = [];
      const burst = new ChangeBurst((changed) => seen.push([...changed]));
      for (const [file, change] of writes) burst.add(file, change);
      setTimeout(() => resolve(seen), 100);
    });

  it('an editor writing a new file and renaming it over the old: one rename', async () => {
    expect(
      await settle([
        ['/c/a.yaml', 'rename'],
        ['/c/a.yaml', 'change'],
      ]),
    ).toEqual([[['/c/a.yaml', 'rename']]]);
  });

  it('several files saved at once: one hand-off with each, a text change kept as such', async () => {
    expect(
      await settle([
        ['/c/a.yaml', 'change'],
        ['/c/b.yaml', 'change'],
        ['/c/a.yaml', 'change'],
      ]),
    ).toEqual([
      [
        ['/c/a.yaml', 'change'],
        ['/c/b.yaml', 'change'],
      ],
    ]);
  });

  it('closed before it settles: nothing is handed on', async () => {
    const seen: unknown[] = [];
    const burst = new ChangeBurst((changed) => seen.push(changed));
    burst.add('/c/a.yaml', 'change');
    burst.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
  });
});

describe('what is none of the content’s', () => {
  it.each([
    ['/c/services/orders.yaml', false],
    ['/c', false],
    ['/c/.git/index', true],
    ['/c/services/.orders.yaml.swp', true],
    ['/c/node_modules/x/index.js', true],
    ['/elsewhere/x.yaml', true],
    ['/content-other/x.yaml', true],
  ])('%s: %s', (file, outside) => {
    expect(outsideContent('/c', file)).toBe(outside);
  });
});
