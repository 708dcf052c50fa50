import { describe, expect, it } from 'vitest';
import { label } from '../../plugins/diagrams/escape.ts';
import { siteViews, viewOptions } from '../../plugins/diagrams/index.ts';
import { HOSTILE, hostileModel } from '../helpers/hostile.ts';

/** A quoted mermaid string that holds no quote of its own. */
const Q = '"[^"]*"';
const STATEMENT = new RegExp(
  [
    '^---$',
    '^config:$',
    '^  layout: (?:elk|dagre)$',
    '^flowchart (TB|LR)$',
    '^erDiagram$',
    '^  accTitle: [^\\n]*$',
    `^\\s*subgraph \\w+ \\[${Q}\\]$`,
    '^\\s*end$',
    `^\\s*\\w+(\\(\\[${Q}\\]\\)|\\[\\(${Q}\\)\\]|\\[${Q}\\]|>${Q}\\]|@\\{ shape: h-cyl, label: ${Q} \\})$`,
    `^  \\w+ (-->|-\\.->)(\\|${Q}\\|)? \\w+$`,
    // Class names are archsite's own (`domain-core`), never the content's.
    '^  classDef [\\w-]+ [\\w:#,.\\- ]+$',
    '^  class [\\w,]+ [\\w-]+$',
    `^  click \\w+ href "[^"\\s]*"$`,
    `^  \\w+\\[${Q}\\] \\{$`,
    `^    string owner ${Q}$`,
    '^  \\}$',
    `^  \\w+ [|}][|o]--[|o][|{] \\w+ : ${Q}$`,
    // Sequence diagrams (flows): no `;` (a statement's end there) and no quote left in a name or a message.
    '^sequenceDiagram$',
    '^  autonumber$',
    '^  (?:actor|participant) \\w+ as (?:[^;"<>#\\n]|#\\w+;)+$',
    '^  \\w+(?:->>|-->>)\\w+: (?:[^;"<>#\\n]|#\\w+;)*$',
  ].join('|'),
);

describe('escaping', () => {
  it.each(HOSTILE)('keeps %j inside its label', (text) => {
    const escaped = label(text);
    expect(escaped).not.toMatch(/["<>%`{}\n]/);
    expect(escaped).not.toMatch(/&(?!#)/);
  });

  it('every line of every view is one of the statements archsite writes', async () => {
    const views = siteViews(await hostileModel(), viewOptions('/'));
    expect(views.length).toBeGreaterThan(8);
    for (const view of views) {
      for (const line of view.text.trimEnd().split('\n')) expect(line, `${view.name} ${view.of ?? ''}`).toMatch(STATEMENT);
      expect(view.text).not.toContain('%%{');
      expect(view.text).not.toMatch(/<(img|script)/i);
    }
  });

  it('keeps the names readable through mermaid entities', () => {
    expect(label('<img src=x onerror=alert(1)>')).toBe('#lt;img src=x onerror=alert(1)#gt;');
    expect(label('%%{init}%%')).toBe('#37;#37;#123;init#125;#37;#37;');
    expect(label('a"-->b')).toBe('a#quot;--#gt;b');
    expect(label('x\n\ty\u202e')).toBe('x y');
  });
});
