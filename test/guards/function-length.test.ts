import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';

/** The longest a function may be: past it, it does several things, each of which wants a name. */
const MAX_LINES = 100;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.(ts|mts|mjs|astro)$/.test(entry.name) && !/\.d\.m?ts$/.test(entry.name) ? [full] : [];
  });
}

/** The functions of a file longer than `max` lines (an .astro file's frontmatter is its script). */
export function longFunctions(file: string, text: string, max = MAX_LINES): string[] {
  const script = file.endsWith('.astro') ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') : text;
  const source = ts.createSourceFile(file, script, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - first + 1;
      const name = 'name' in node && node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (lines > max) found.push(`${path.relative(ROOT, file)}:${first + 1} ${name}: ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  it(`no function in plugins/ or src/ is over ${MAX_LINES} lines`, () => {
    const all = [...files(path.join(ROOT, 'plugins')), ...files(path.join(ROOT, 'src'))];
    expect(all.length).toBeGreaterThan(100);
    expect(all.flatMap((file) => longFunctions(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('sees functions of every form, and an .astro file’s script', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const x${i} = ${i};`).join('\n');
    expect(longFunctions('/x.ts', `function f() {\n${body(98)}\n}`, 100)).toEqual([]);
    expect(longFunctions('/x.ts', `function f() {\n${body(98)}\n  return 1;\n}`, 100)).toHaveLength(1);
    expect(longFunctions('/x.ts', `const g = () => {\n${body(120)}\n};`, 100)).toHaveLength(1);
    expect(longFunctions('/x.ts', `class C {\n  m() {\n${body(120)}\n  }\n}`, 100)).toHaveLength(1);
    expect(longFunctions('/x.astro', `---\nfunction h() {\n${body(120)}\n}\n---\n<p>x</p>`, 100)).toHaveLength(1);
  });
});
