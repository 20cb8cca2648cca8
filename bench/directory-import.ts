/**
 * The directory file's import at start (server/directory/directory-import.ts) on a large centre:
 * into an empty database, then again after the file changed (every entry it lists rewritten),
 * each in a fresh process. With `--baseline <checkout>` another commit's import (e.g. `git archive
 * <commit>` unpacked, node_modules linked) runs in the same alternation, the first of a pair
 * swapping each round. Supervisors' passwords are given hashed, so the (deliberately slow)
 * password hashing, the same in every version, does not drown the database's part.
 *
 *   node --import tsx bench/directory-import.ts [--agents 5000] [--queues 48] [--runs 7] [--baseline <checkout>]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCentre } from '../server/directory/generate-centre.js';
import { hashPassword } from '../server/lib/secrets.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '5000' },
    queues: { type: 'string', default: '48' },
    runs: { type: 'string', default: '7' },
    baseline: { type: 'string' },
    child: { type: 'string' },
    dir: { type: 'string' },
  },
});

interface Timing {
  firstMs: number;
  againMs: number;
}

/** In the child: one checkout's import, timed, into a fresh database in `dir`. */
async function child(checkout: string, dir: string): Promise<Timing> {
  const { openDb } = await import(join(checkout, 'server/db/client.ts'));
  const { importDirectoryFile } = await import(join(checkout, 'server/directory/directory-import.ts'));
  const db = openDb(join(dir, `import-${process.pid}.db`));
  // Before its move to the Store (issue 18) the import took the drizzle database.
  const onStore = readFileSync(join(checkout, 'server/directory/directory-import.ts'), 'utf8').includes('../db/store.js');
  const target = onStore ? (await import(join(checkout, 'server/db/sqlite-store.ts'))).SqliteStore.over(db) : db;
  const timed = async (file: string) => {
    const t0 = performance.now();
    const { imported } = await importDirectoryFile(target, join(dir, file), Date.now);
    if (!imported) throw new Error(`${file} was not imported`);
    return performance.now() - t0;
  };
  const firstMs = await timed('centre.json');
  const againMs = await timed('centre-changed.json');
  db.$client.close();
  return { firstMs, againMs };
}

if (values.child) {
  console.log(JSON.stringify(await child(resolve(values.child), values.dir!)));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-directory-'));
  try {
    const centre = generateCentre({ agents: Number(values.agents), queues: Number(values.queues), seed: 7 });
    const hash = await hashPassword('bench-password');
    const hashed = { ...centre, supervisors: centre.supervisors.map((s) => ({ ...s, password: hash })) };
    writeFileSync(join(dir, 'centre.json'), JSON.stringify(hashed));
    // Every agent renamed: the import rewrites each entry the file lists.
    writeFileSync(join(dir, 'centre-changed.json'), JSON.stringify({ ...hashed, agents: hashed.agents.map((a) => ({ ...a, name: `${a.name} II` })) }));
    const variants: [string, string][] = [['this checkout', process.cwd()], ...(values.baseline ? [[`baseline ${values.baseline}`, resolve(values.baseline)] as [string, string]] : [])];
    const samples = new Map<string, (Timing & { load: number })[]>(variants.map(([name]) => [name, []]));
    const load0 = loadavg();
    for (let round = 0; round < Number(values.runs); round++) {
      for (const [name, checkout] of round % 2 === 0 ? variants : [...variants].reverse()) {
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/directory-import.ts', '--child', checkout, '--dir', dir], { encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
        samples.get(name)!.push({ ...(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Timing), load: loadavg()[0]! });
      }
    }
    const load1 = loadavg();
    const rows = variants.map(([name]) => {
      const s = samples.get(name)!;
      return { variant: name, 'first import ms (median)': median(s.map((x) => x.firstMs)).toFixed(0), 'import again ms (median)': median(s.map((x) => x.againMs)).toFixed(0), runs: s.length };
    });
    console.log(`${centre.agents.length} agents, ${centre.queues.length} queues, ${centre.supervisors.length} supervisors; load ${load0.map((l) => l.toFixed(1)).join(' ')} → ${load1.map((l) => l.toFixed(1)).join(' ')}`);
    printTable(rows);
    saveResult('directory-import', { agents: centre.agents.length, queues: centre.queues.length, load: [load0, load1], samples: Object.fromEntries(samples) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
