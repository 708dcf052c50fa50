import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder, writeTree } from '../helpers/tree.ts';
import { loadModel } from '../../plugins/model/load.ts';

const fixture = (name: string) => path.join(import.meta.dirname, '../fixtures', name);

describe('odd but valid input simply works', () => {
  it.each(['utf8-bom', 'trailing-document-separator', 'markdown-without-body'])('%s', async (name) => {
    expect(await checkFolder(fixture(name))).toEqual([]);
  });

  it('reads a UTF-8 BOM file with its fields intact', async () => {
    const { model } = await loadModel({ contentDir: 'content', cwd: fixture('utf8-bom') });
    expect(model?.byKind.service.get('orders')?.data.name).toBe('Orders');
  });

  it('keeps both documents of a file that ends with ---', async () => {
    const { model } = await loadModel({ contentDir: 'content', cwd: fixture('trailing-document-separator') });
    expect([...model!.byKind.event.keys()]).toEqual(['order.paid', 'order.placed']);
  });

  it('positions stay right with CRLF line endings, in YAML and in front matter bodies', async () => {
    expect(await checkFolder(fixture('crlf-line-endings'))).toEqual([
      "content/decisions/0001-crlf.md:8:13 error broken-link: link '../services/nowhere.yaml' points at a file that does not exist (did you mean '../services/orders.yaml'?)",
      "content/services/orders.yaml:4:8 error unknown-reference: owner 'nobody' is not a team",
    ]);
  });
});

describe('bad input gets a positioned diagnostic, never a crash', () => {
  const cases: [string, string[]][] = [
    [
      'empty-file',
      [
        'content/events/dashes.yaml:1:1 error empty-file: file holds no element',
        'content/services/empty.yaml:1:1 error empty-file: file holds no element',
        'content/teams/blank.yaml:1:1 error empty-file: file holds no element',
      ],
    ],
    ['binary-file', ['content/services/logo.yaml:3:1 error invalid-encoding: file holds a NUL byte; it looks binary, not text']],
    ['invalid-utf8', ['content/services/latin1.yaml:1:10 error invalid-encoding: file is not valid UTF-8 (byte 0xe9 at offset 9)']],
    ['utf16', ['content/teams/team.yaml:1:1 error invalid-encoding: file is UTF-16 text; save it as UTF-8']],
    ['tab-indentation', ['content/services/tabs.yaml:5:1 error yaml-syntax: tab used for indentation; indent YAML with spaces']],
    ['duplicate-keys', ['content/services/twice.yaml:4:1 error duplicate-key: mapping key is written twice']],
    [
      'alias-bomb',
      ['content/events/bomb.yaml:4:10 error yaml-too-complex: YAML expands more than 100 aliases; this looks like an alias bomb'],
    ],
    ['deep-nesting', ['content/events/deep.yaml:2:73 error yaml-too-complex: YAML is nested deeper than 64 levels']],
    [
      'unclosed-flow',
      [
        'content/services/unclosed.yaml:6:1 error yaml-syntax: flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    [
      'schema-path-traversal',
      [
        "content/events/leak.yaml:2:9 error path-outside-content: schema path '../../etc/passwd' leaves the content folder",
        "content/services/orders.yaml:5:12 error path-outside-content: openapi path '../../../../../../etc/passwd' leaves the content folder",
      ],
    ],
  ];
  it.each(cases)('%s', async (name, expected) => {
    expect(await checkFolder(fixture(name))).toEqual(expected);
  });

  it('refuses a 5 MB file without parsing it', async () => {
    const root = writeTree({
      'content/system.yaml': 'name: Shop\n',
      'content/events/huge.yaml': `name: Huge\nexample: "${'x'.repeat(5 * 1024 * 1024)}"\n`,
    });
    expect(await checkFolder(root)).toEqual([
      'content/events/huge.yaml:1:1 error file-too-large: file is 5.0 MiB; element files may be at most 1.0 MiB',
    ]);
  });

  it('reports a symlink loop and a symlink out of the content folder, and reads neither', async () => {
    const root = writeTree({ 'content/system.yaml': 'name: Shop\n', 'secret.yaml': 'name: Secret\ntype: core\n' });
    mkdirSync(path.join(root, 'content/domains'));
    symlinkSync('loop-b.yaml', path.join(root, 'content/domains/loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(root, 'content/domains/loop-b.yaml'));
    symlinkSync('../../secret.yaml', path.join(root, 'content/domains/secret.yaml'));
    symlinkSync('..', path.join(root, 'content/domains/parent'));
    expect(await checkFolder(root)).toEqual([
      'content/domains/loop-a.yaml:1:1 error broken-symlink: symbolic link loops back on itself',
      'content/domains/loop-b.yaml:1:1 error broken-symlink: symbolic link loops back on itself',
      'content/domains/parent:1:1 error broken-symlink: symbolic link loops back to a folder already read',
      'content/domains/secret.yaml:1:1 error symlink-outside-content: symbolic link points outside the content folder; it is not read',
    ]);
  });

  it('never reads a schema outside the content folder, even through a symlink', async () => {
    const root = writeTree({
      'content/system.yaml': 'name: Shop\n',
      'outside.json': '{}',
      'content/events/e.yaml': 'name: E\nschema: ./link.json\n',
    });
    symlinkSync('../../outside.json', path.join(root, 'content/events/link.json'));
    expect(await checkFolder(root)).toEqual([
      "content/events/e.yaml:1:1 warning unused-event: event 'e' is neither published nor consumed by any service",
      "content/events/e.yaml:2:9 error path-outside-content: schema path './link.json' leads outside the content folder through a symbolic link",
      'content/events/link.json:1:1 error symlink-outside-content: symbolic link points outside the content folder; it is not read',
    ]);
  });

  it('reports a content folder that does not exist as a usage error', async () => {
    await expect(loadModel({ contentDir: 'nowhere', cwd: writeTree({}) })).rejects.toThrow(
      "content folder 'nowhere' does not exist or is not a folder",
    );
  });

  it('survives hostile strings in every field', async () => {
    const hostile = `"<script>alert(1)</script> ]; click x call alert(1) %%{init: {}}%% \u0000\u202e`;
    const root = writeTree({
      'content/system.yaml': `name: ${JSON.stringify(hostile)}\n`,
      'content/services/x.yaml': `name: ${JSON.stringify(hostile)}\nresponsibility: ${JSON.stringify(hostile)}\ndomain: ${JSON.stringify(hostile)}\n`,
    });
    writeFileSync(
      path.join(root, 'content/services/y.yaml'),
      'name: [1, {a: b}]\nresponsibility: 3\ndomain: true\ndependencies: {target: x}\n',
    );
    expect(await checkFolder(root)).toEqual([
      `content/services/x.yaml:3:9 error unknown-reference: domain '"<script>alert(1)</script> ]; click x call alert(1) %%{init: {}}%% \\u0000\\u202e' is not a domain`,
      "content/services/y.yaml:1:7 error invalid-type: field 'name' should be text, not a list",
      'content/services/y.yaml:2:17 error invalid-type: field \'responsibility\' should be text, not the number 3 (to write it as text, quote it: "3")',
      'content/services/y.yaml:3:9 error invalid-type: field \'domain\' should be text, not true or false (to write it as text, quote it: "true")',
      "content/services/y.yaml:4:15 error invalid-type: field 'dependencies' should be a list, not a mapping",
    ]);
  });
});
