import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { importsOf, ROOT, sourceFiles } from '../support/imports.js';

/**
 * Data flows one way through server/: no folder imports a folder that imports it back, even for
 * types. The wiring lives in server/wiring/services.ts, with app.ts and main.ts above it.
 */

/** A folder's imports of other folders, each with the first file import that makes it. */
type FolderGraph = Map<string, Map<string, string>>;

/** The folder directly under server/ holding `path` (root-relative); '.' for server/ itself. */
const folderOf = (path: string) => {
  const parts = relative('server', path).split(/[\\/]/);
  return parts.length === 1 ? '.' : parts[0]!;
};

function serverGraph(): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles('server')) {
    const from = folderOf(file);
    for (const { specifier } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = join(dirname(file), specifier);
      if (!target.startsWith('server/')) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? graph.set(from, new Map()).get(from)!;
      if (!edges.has(to)) edges.set(to, `${file} imports ${specifier}`);
    }
  }
  return graph;
}

/** One cycle, as the folders along it (the first repeated at the end); null when there is none. */
function findCycle(graph: FolderGraph): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (folder: string): string[] | null => {
    if (path.includes(folder)) return [...path.slice(path.indexOf(folder)), folder];
    if (done.has(folder)) return null;
    path.push(folder);
    for (const next of graph.get(folder)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(folder);
    return null;
  };
  for (const folder of graph.keys()) {
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return null;
}

/** `a → b (file imports …) → a (…)`: the cycle with the import behind each step. */
const describeCycle = (graph: FolderGraph, cycle: string[]) =>
  cycle.slice(1).reduce((text, to, i) => `${text} → ${to} (${graph.get(cycle[i]!)!.get(to)})`, cycle[0]!);

describe('architecture: server folders', () => {
  it('server/ has no folder-level import cycle', () => {
    const graph = serverGraph();
    const cycle = findCycle(graph);
    assert.equal(cycle && describeCycle(graph, cycle), null);
  });

  it('names a cycle when there is one', () => {
    const graph: FolderGraph = new Map([
      ['ingest', new Map([['floor', 'ingest/a.ts imports ../floor/b.js']])],
      ['floor', new Map([['domain', 'floor/b.ts imports ../domain/c.js'], ['ingest', 'floor/b.ts imports ../ingest/a.js']])],
    ]);
    assert.equal(
      describeCycle(graph, findCycle(graph)!),
      'ingest → floor (ingest/a.ts imports ../floor/b.js) → ingest (floor/b.ts imports ../ingest/a.js)',
    );
    graph.get('floor')!.delete('ingest');
    assert.equal(findCycle(graph), null);
  });
});
