/**
 * The import graph of a folder of TypeScript modules, and its cycles: a tiny resolver (relative
 * specifiers only, written with their extension as this project does), enough for a test to keep
 * the server free of import cycles without a dependency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`; `import type` and
// `export type` are kept apart by the captured keyword, since they vanish at run time.
const SPECIFIER = /(?:^|[\s;])(?:import|export)(\s+type\b)?(?:[\s\w{},*$]*?\sfrom\s*|\s*\(?\s*)['"]([^'"]+)['"]/g;

export interface ImportEdge {
  specifier: string;
  typeOnly: boolean;
}

/** The modules a source text imports or re-exports. Pure. */
export function importsOf(source: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    edges.push({ specifier: match[2], typeOnly: match[1] !== undefined || importsOnlyTypes(match[0]) });
  }
  return edges;
}

/** Whether an import clause names types only (`import { type A, type B } from`): nothing is imported at run time. */
function importsOnlyTypes(clause: string): boolean {
  const names = /\{([^}]*)\}/.exec(clause);
  if (names === null) return false;
  const outside = clause.replace(names[0], '').replace(/^\W*(import|export)\b/, '').replace(/\bfrom[\s\S]*$/, '');
  if (/[\w*$]/.test(outside)) return false;
  return names[1].split(',').filter((name) => name.trim() !== '').every((name) => /^\s*type\s/.test(name));
}

/** Cycles of a graph (at least one wherever there is any: one per edge back to a module being walked), each as a path that comes back to its start. Pure. */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The run-time imports between the modules of a folder (paths relative to it), leaving out type-only ones when asked. */
export function importGraph(root: string, options: { withTypes: boolean }): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .filter((edge) => edge.specifier.startsWith('.') && (options.withTypes || !edge.typeOnly))
      .map((edge) => resolve(dirname(file), edge.specifier))
      .filter((target) => target.startsWith(root + '/'))
      .map((target) => relative(root, target));
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}
