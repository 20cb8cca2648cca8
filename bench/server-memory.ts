/**
 * Base memory of the server (issue 20 goal 5: under 100 MB before any client): the resident
 * memory of a started server holding the reference centre (500 agents, 40 queues, its
 * supervisors' passwords in clear text as the demo has them), once it has settled, and again
 * after 40 supervisor sign-ins (what the fan-out bench does before its first client).
 *
 * Side by side, one start after another, each with the simulated centre off and on (on without
 * a backfill: the live simulation only):
 * - through tsx, as the tests and benches start it (the 224 MB issue 20 measured);
 * - compiled, as `npm start` runs it;
 * - compiled, with glibc's MALLOC_MMAP_THRESHOLD_ fixed at 1 MB: otherwise every thread that has
 *   hashed a password (scrypt, 16 MB a hash, on libuv's threads) keeps its 16 MB;
 * - and with V8's young generation held to 2 MB semi-spaces (NODE_OPTIONS=--max-semi-space-size=2,
 *   README's command): it grows to 2 × 16 MB during the start and stays so while the server idles.
 *
 *   npm run build:server && node --import tsx bench/server-memory.ts [--rounds 2]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCentre } from '../server/directory/generate-centre.js';
import { SERVER_ENTRY, startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' } } });

/** README's setting (Operations, Memory): allocations of 1 MB and more are mapped on their own and handed back when freed. */
const MALLOC_FIXED = { MALLOC_MMAP_THRESHOLD_: String(1024 * 1024) };

const centre = generateCentre({ agents: 500, queues: 40, seed: 1 });
const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-memory-'));
writeFileSync(join(dir, 'centre.json'), JSON.stringify(centre));
const MB = 2 ** 20;

const SETUPS = [
  { name: 'tsx', entry: SERVER_ENTRY.tsx, env: {} },
  { name: 'compiled', entry: SERVER_ENTRY.compiled, env: {} },
  { name: 'compiled, malloc threshold 1 MB', entry: SERVER_ENTRY.compiled, env: MALLOC_FIXED },
  { name: 'compiled, malloc threshold 1 MB, semi-space 2 MB', entry: SERVER_ENTRY.compiled, env: { ...MALLOC_FIXED, NODE_OPTIONS: '--max-semi-space-size=2' } },
];
const variants = SETUPS.flatMap((setup) => (['off', 'on'] as const).map((simulator) => ({ setup, simulator })));
type Variant = (typeof variants)[number];

/** RSS once four samples half a second apart lie within 1 MB (at most 30 s). */
async function settledRss(server: ServerProcess): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    samples.push(server.rss());
    const last = samples.slice(-4);
    if (last.length === 4 && Math.max(...last) - Math.min(...last) < MB) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return samples.at(-1)!;
}

async function measure(v: Variant, run: number) {
  const load = loadavg()[0]!;
  const server = await startServerProcess(
    {
      FLOORVIEW_DB: join(dir, `memory-${run}-${SETUPS.indexOf(v.setup)}-${v.simulator}.db`),
      FLOORVIEW_DIRECTORY: join(dir, 'centre.json'),
      FLOORVIEW_SIMULATOR: v.simulator,
      FLOORVIEW_SIMULATOR_BACKFILL_DAYS: '0',
      ...v.setup.env,
    },
    [],
    undefined,
    v.setup.entry,
  );
  try {
    const started = await settledRss(server);
    for (let i = 0; i < 40; i++) {
      const s = centre.supervisors[i % centre.supervisors.length]!;
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: s.email, password: s.password }),
      });
      if (res.status !== 200) throw new Error(`sign-in of ${s.email}: ${res.status} ${await res.text()}`);
    }
    const signedIn = await settledRss(server);
    console.log(`${v.setup.name}, simulator ${v.simulator}: ${(started / MB).toFixed(0)} MB started, ${(signedIn / MB).toFixed(0)} MB after 40 sign-ins`);
    return { started, signedIn, load };
  } finally {
    await server.stop();
  }
}

const results = new Map<Variant, { started: number; signedIn: number; load: number }[]>(variants.map((v) => [v, []]));
try {
  for (let run = 1; run <= Number(values.rounds); run++) {
    // Alternating which goes first, so a busy moment falls on both ends of the list.
    for (const v of run % 2 ? variants : [...variants].reverse()) results.get(v)!.push(await measure(v, run));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows = variants.map((v) => {
  const r = results.get(v)!;
  return {
    server: v.setup.name,
    simulator: v.simulator,
    'RSS started (MB)': (median(r.map((x) => x.started)) / MB).toFixed(0),
    'RSS after 40 sign-ins (MB)': (median(r.map((x) => x.signedIn)) / MB).toFixed(0),
    runs: r.map((x) => `${(x.started / MB).toFixed(0)}/${(x.signedIn / MB).toFixed(0)}`).join(' · '),
    'load (1 min)': median(r.map((x) => x.load)).toFixed(2),
  };
});
printTable(rows);
saveResult('server-memory', { rows });
