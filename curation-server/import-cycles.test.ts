import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cyclesOf, importGraph, importsOf } from './testing/import-graph.ts';

const SERVER = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

describe('the server has no import cycle', () => {
  it('finds no cycle among the modules of curation-server/, type-only imports included', () => {
    const graph = importGraph(SERVER, { withTypes: true });
    expect(graph.has('middleware/csrf.ts')).toBe(true);
    expect(graph.get('console-app.ts')).toContain('middleware/csrf.ts');
    expect(cyclesOf(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('reads every kind of import, and tells type-only ones apart', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C, type D } from './c.ts';",
      "import E, { type F } from './e.ts';",
      "import {\n  g,\n  type H,\n} from './g.ts';",
      "export { i } from './i.ts';",
      "export type { J } from './j.ts';",
      "import './k.css';",
      "const l = await import('./l.ts');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a.ts', typeOnly: false },
      { specifier: './b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: true },
      { specifier: './e.ts', typeOnly: false },
      { specifier: './g.ts', typeOnly: false },
      { specifier: './i.ts', typeOnly: false },
      { specifier: './j.ts', typeOnly: true },
      { specifier: './k.css', typeOnly: false },
      { specifier: './l.ts', typeOnly: false },
    ]);
  });

  it('finds a cycle however long, and none in a graph that only shares modules', () => {
    const cyclic = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cyclesOf(cyclic)).toEqual([['a', 'b', 'c', 'a']]);
    const diamond = new Map([['a', ['b', 'c']], ['b', ['d']], ['c', ['d']], ['d', []]]);
    expect(cyclesOf(diamond)).toEqual([]);
  });
});
