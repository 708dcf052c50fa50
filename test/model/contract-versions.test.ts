import { describe, expect, it } from 'vitest';
import { contractVersions } from '../../plugins/model/contract-versions.ts';
import { lineDiff } from '../../plugins/model/line-diff.ts';
import { versionTexts } from '../../plugins/astro/version-texts.ts';

const schema = (...fields: string[]) => ({ type: 'object', properties: Object.fromEntries(fields.map((f) => [f, { type: 'string' }])) });
const snap = (commit: string, date: string, version: string, value: unknown) => ({ commit, date, version, schema: value });

describe('a contract’s versions', () => {
  it.each([
    {
      name: 'one version all along: none to list',
      current: { version: '1.0', schema: schema('id') },
      snapshots: [snap('c2', '2026-02-01', '1.0', schema('id')), snap('c1', '2026-01-01', '1.0', schema())],
      expected: [],
    },
    {
      name: 'a field added under a new minor: nothing broken, the dates each version first appeared',
      current: { version: '1.1', schema: schema('id', 'currency') },
      snapshots: [
        snap('c3', '2026-03-01', '1.1', schema('id', 'currency')),
        snap('c2', '2026-02-01', '1.0', schema('id')),
        snap('c1', '2026-01-01', '1.0', schema('id')),
      ],
      expected: [
        { version: '1.1', since: '2026-03-01', commit: 'c3', current: true, breaks: [] },
        { version: '1.0', since: '2026-01-01', commit: 'c2', current: false, breaks: [] },
      ],
    },
    {
      name: 'a field removed under a new major, not committed yet: said of the new version',
      current: { version: '2.0', schema: schema('id') },
      snapshots: [snap('c1', '2026-01-01', '1.0', schema('id', 'total'))],
      expected: [
        { version: '2.0', since: undefined, commit: undefined, current: true, breaks: ["field 'total' removed"] },
        { version: '1.0', since: '2026-01-01', commit: 'c1', current: false, breaks: [] },
      ],
    },
    {
      name: 'a version that comes back after another: listed once, at its newest',
      current: { version: '1', schema: schema('a') },
      snapshots: [
        snap('c3', '2026-03-01', '1', schema('a')),
        snap('c2', '2026-02-01', '2', schema('b')),
        snap('c1', '2026-01-01', '1', schema('a')),
      ],
      expected: [
        { version: '1', since: '2026-01-01', commit: 'c3', current: true, breaks: ["field 'b' removed"] },
        { version: '2', since: '2026-02-01', commit: 'c2', current: false, breaks: [] },
      ],
    },
  ])('$name', ({ current, snapshots, expected }) => {
    const versions = contractVersions('event', current, snapshots);
    expect(versions.map(({ schema: _schema, ...rest }) => rest)).toEqual(expected);
  });

  it('says nothing of what an OpenAPI description breaks (its versions are compared as text)', () => {
    const versions = contractVersions('openapi', { version: '2.0.0', schema: { paths: {} } }, [
      snap('c1', '2026-01-01', '1.0.0', { paths: { '/a': {} } }),
    ]);
    expect(versions.map((v) => v.breaks)).toEqual([[], []]);
  });
});

describe('the diff of two versions', () => {
  const before = ['{', ...Array.from({ length: 12 }, (_, i) => `  "f${i}": 1,`), '  "last": 1', '}'].join('\n');
  const after = before.replace('"f6": 1', '"f6": 2');

  it('shows each change with three lines of context, and counts the unchanged runs', () => {
    expect(lineDiff(before, after)).toEqual([
      { kind: 'skipped', count: 4 },
      { kind: 'same', text: '  "f3": 1,' },
      { kind: 'same', text: '  "f4": 1,' },
      { kind: 'same', text: '  "f5": 1,' },
      { kind: 'removed', text: '  "f6": 1,' },
      { kind: 'added', text: '  "f6": 2,' },
      { kind: 'same', text: '  "f7": 1,' },
      { kind: 'same', text: '  "f8": 1,' },
      { kind: 'same', text: '  "f9": 1,' },
      { kind: 'skipped', count: 4 },
    ]);
  });

  it('is empty for two texts alike', () => {
    expect(lineDiff(before, before).filter((l) => l.kind !== 'skipped')).toEqual([]);
  });

  it('carries the texts in a script element that no schema can close', () => {
    const json = versionTexts([{ version: '1', text: '"</script><script>alert(1)</script>" \u2028' }]);
    expect(json).not.toMatch(/<|\u2028/);
    expect(JSON.parse(json)).toEqual([{ version: '1', text: '"</script><script>alert(1)</script>" \u2028' }]);
  });
});
