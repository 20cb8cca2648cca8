import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SQL } from 'drizzle-orm';
import type { Store } from '../../server/db/store.js';
import { importDirectoryFile } from '../../server/directory/directory-import.js';
import { TIME_FAMILIES } from '../../server/domain/rollup-cells.js';
import { rebuildRollupsOf, syncRollupsOf } from '../../server/history/rollup-rebuild.js';
import { rederiveFacts } from '../../server/history/fact-rederive.js';
import { readMetaOf } from '../../server/history/rollup-meta.js';
import { META_KEYS } from '../../server/db/meta-keys.js';
import { holdServerShare } from '../../server/db/postgres-in-use.js';
import type * as schema from '../../server/db/schema/index.js';
import { Directory } from '../../server/directory/directory.js';
import { generateCentre } from '../../server/directory/generate-centre.js';
import { IngestService } from '../../server/ingest/ingest-service.js';
import { Simulator } from '../../server/simulator/simulator.js';
import { FAMILY_NAMES, ROLLUP_TABLES } from '../../server/history/rollup-tables.js';
import { query } from '../../server/history/sql-steps.js';
import { openStore } from '../../server/wiring/open-store.js';
import { PASSWORD, psql, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { centre } from './harness.js';

const DAY_MS = 86_400_000;
/** Three weeks across a month's end and the United States' spring change of clocks (8 March 2026). */
const FIRST = Date.parse('2026-02-20T00:00:00Z');
const DAYS = 21;
const AGENTS = ['a-1', 'a-2', 'a-3', 'a-4'];
/** A queue the directory does not know counts with the default thresholds. */
const QUEUES = ['q-sales', 'q-support', 'q-gone', null];
const OUTCOMES = ['answered', 'abandoned', 'other', null] as const;
const RESULTS = ['answered', 'bounced', 'abandoned', 'other', null] as const;

/** The same pseudo-random facts on every run (a Park–Miller generator). */
let seed = 20_260_220;
const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
/** Seconds to a tenth of a millisecond, so some round at the half: both stores must round them as the live writer does. */
const seconds = (max: number) => Math.round(random() * max * 10_000) / 10_000;

function facts() {
  const visits: Record<string, unknown>[] = [];
  const handlings: Record<string, unknown>[] = [];
  const wrapups: Record<string, unknown>[] = [];
  for (let i = 0; i < 900; i++) {
    const at = FIRST + Math.floor((i * DAYS * DAY_MS) / 900) + (i % 17) * 61_001;
    const callId = `c-${i}`;
    const queueId = pick(QUEUES);
    const agentId = pick(AGENTS);
    const outcome = pick(OUTCOMES);
    if (queueId !== null) {
      visits.push({
        callId, visit: 1, queueId, queuedAt: at, answeredAt: outcome === 'answered' ? at + 5_000 : null,
        leftAt: outcome === null ? null : at + 9_000, outcome, agentId: outcome === 'answered' ? agentId : null,
        queueTime: outcome === null ? null : seconds(60), holdTime: i % 3 ? seconds(30) : null,
        connectedTime: seconds(600), handleTime: seconds(700),
      });
    }
    const result = pick(RESULTS);
    handlings.push({
      callId, handling: 1, agentId, queueId, direction: queueId === null ? 'outbound' : 'inbound', offeredAt: at,
      answeredAt: result === 'answered' ? at + 3_000 : null, endedAt: result === null ? null : at + 60_000, result,
      ringTime: seconds(30), connectedTime: result === 'answered' ? seconds(600) : null, holdTime: i % 4 ? null : seconds(60),
    });
    const done = i % 6 !== 0;
    wrapups.push({
      callId, handling: 1, agentId, queueId, startedAt: at + 61_000, completedAt: done ? at + 90_000 : null,
      reasonId: done ? pick(['w-resolved', 'w-followup']) : null, wrapupTime: done ? seconds(120) : null,
    });
  }
  return { visits, handlings, wrapups };
}

/** Agent time has no facts: its 15-minute rows are written as accounted, and a rebuild cuts them into hours, days and months. */
function agentTime() {
  const statements: SQL[] = [];
  for (const family of TIME_FAMILIES) {
    const t = ROLLUP_TABLES[family];
    const columns = ['bucket', ...t.dims, ...t.values];
    for (let i = 0; i < 200; i++) {
      const dims = t.dims.map((d) => (d === 'agent_id' ? pick(AGENTS) : pick(['q-sales', 'q-support', ''])));
      const values = [FIRST + i * 9 * 900_000, ...dims, ...t.values.map(() => Math.round(random() * 900_000))];
      statements.push(query(`INSERT INTO ${t.buckets} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`, values));
    }
    statements.push(query(`INSERT INTO ${t.keys} (${t.dims.join(', ')}) SELECT DISTINCT ${t.dims.join(', ')} FROM ${t.buckets}`));
  }
  return statements;
}

/** Every rollup table's rows, each table's in one order, numbers as numbers. */
async function rollups(store: Store): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const family of FAMILY_NAMES) {
    const t = ROLLUP_TABLES[family];
    for (const table of [t.buckets, t.hours, t.days, t.months, t.keys]) {
      const rows = await store.all(query(`SELECT * FROM ${table}`));
      all[table] = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]))).sort();
    }
  }
  return all;
}

async function assertSameRollups(stores: readonly Store[]): Promise<Record<string, string[]>> {
  const [sqlite, postgres] = await Promise.all(stores.map(rollups));
  for (const table of Object.keys(sqlite!)) assert.deepEqual(postgres![table], sqlite![table], table);
  return sqlite!;
}

let cluster: PostgresCluster;
before(async () => {
  cluster = await startPostgresCluster();
});
after(() => cluster?.remove());

function databaseUrl(database: string): string {
  const url = new URL(cluster.adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A SQLite file in `dir` and a PostgreSQL database `database` of the throwaway cluster, both holding `directory`. */
async function openBoth(dir: string, database: string, directory: object): Promise<[sqlite: Store, postgres: Store]> {
  psql(cluster.adminUrl, `create database ${database}`);
  const directoryFile = join(dir, 'centre.json');
  writeFileSync(directoryFile, JSON.stringify(directory));
  const settings = { FLOORVIEW_SYNCHRONOUS: 'normal', FLOORVIEW_DATABASE_POOL: 2, FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS: 0 } as const;
  const stores: [Store, Store] = [
    await openStore({ ...settings, FLOORVIEW_DB: join(dir, 'floorview.db'), FLOORVIEW_DATABASE_URL: undefined }),
    await openStore({ ...settings, FLOORVIEW_DB: join(dir, 'unused.db'), FLOORVIEW_DATABASE_URL: databaseUrl(database) }),
  ];
  for (const store of stores) await importDirectoryFile(store, directoryFile, Date.now);
  return stores;
}

describe('the rollups rebuilt from the same facts on SQLite and on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-rebuild-both-'));
  let stores: [sqlite: Store, postgres: Store];

  before(async () => {
    stores = await openBoth(dir, 'rebuild_both', centre);
    const { visits, handlings, wrapups } = facts();
    const agentTimeRows = agentTime();
    for (const store of stores) {
      await store.transaction(async (tx) => {
        await tx.db.insert(tx.tables.queueVisits).values(visits as never);
        await tx.db.insert(tx.tables.handlings).values(handlings as never);
        await tx.db.insert(tx.tables.wrapups).values(wrapups as never);
        for (const statement of agentTimeRows) await tx.run(statement);
      });
    }
  });
  after(async () => {
    for (const store of stores ?? []) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same rows at every level in every family', async () => {
    for (const store of stores) await rebuildRollupsOf(store, 'America/Chicago');
    const rows = await assertSameRollups(stores);
    for (const family of FAMILY_NAMES) {
      const t = ROLLUP_TABLES[family];
      for (const table of [t.hours, t.days, t.months]) assert.ok(rows[table]!.length > 0, `${table} has rows`);
    }
  });

  it('cuts the same days again when the reporting zone changes', async () => {
    const before = await rollups(stores[0]);
    for (const store of stores) assert.ok('days in Asia/Shanghai' in (await syncRollupsOf(store, 'Asia/Shanghai')));
    const after = await assertSameRollups(stores);
    assert.notDeepEqual(after.queue_days, before.queue_days);
    assert.deepEqual(after.queue_buckets, before.queue_buckets);
  });

  it("counts a queue's new service level alike", async () => {
    const before = await rollups(stores[0]);
    for (const store of stores) {
      await store.transaction((tx) => tx.run(query('UPDATE queues SET service_level_seconds = ? WHERE id = ?', [5, 'q-sales'])));
      assert.ok('queue_buckets from facts' in (await syncRollupsOf(store, 'Asia/Shanghai')));
    }
    const after = await assertSameRollups(stores);
    assert.notDeepEqual(after.queue_buckets, before.queue_buckets);
  });

  it('does nothing when all is current', async () => {
    for (const store of stores) assert.deepEqual(await syncRollupsOf(store, 'Asia/Shanghai'), {});
  });
});

/** The rebuild command's exit code and what it printed. */
async function rebuildCli(db: string, ...args: string[]): Promise<{ code: unknown; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/wiring/rebuild-cli.ts', '--db', db, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  return { code, output };
}

/** Every fact table's rows, each table's in one order. */
async function factRows(store: Store): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const table of ['calls', 'queue_visits', 'handlings', 'wrapups']) {
    const rows = await store.all(query(`SELECT * FROM ${table}`));
    all[table] = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]))).sort();
  }
  return all;
}

describe('the facts re-derived from the same event log on SQLite and on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-rederive-both-'));
  let stores: [sqlite: Store, postgres: Store];
  let postgresUrl: string;
  /** Four simulated days across the United States' change of clocks. */
  const from = Date.parse('2026-03-06T06:00:00Z');
  const to = Date.parse('2026-03-10T06:00:00Z');

  before(async () => {
    const directory = generateCentre({ agents: 12, queues: 3, seed: 5 });
    stores = await openBoth(dir, 'rederive_both', directory);
    postgresUrl = databaseUrl('rederive_both');
    const [sqlite, postgres] = stores;
    // The simulator's events as ingestion stores them (no history follows here), then the same rows in the same order on PostgreSQL.
    const ingest = new IngestService(sqlite, await Directory.load(sqlite));
    await new Simulator({ directory: await Directory.load(sqlite), seed: 5, callsPerDay: 300 }).backfill(ingest, from, to);
    const events = await sqlite.all<typeof schema.events.$inferInsert>(
      query('SELECT id, type, at, agent_id AS "agentId", call_id AS "callId", queue_id AS "queueId", data FROM events ORDER BY seq'),
    );
    await postgres.transaction(async (tx) => {
      for (let i = 0; i < events.length; i += 1_000) await tx.db.insert(tx.tables.events).values(events.slice(i, i + 1_000));
    });
    const seqs = (store: Store) => store.all(query('SELECT seq, id FROM events ORDER BY seq'));
    assert.deepEqual(await seqs(postgres), await seqs(sqlite));
  });
  after(async () => {
    for (const store of stores ?? []) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('derives the same facts, and the same rollups from them', async () => {
    for (const store of stores) {
      const { calls } = await rederiveFacts(store);
      assert.ok(calls > 500, `${calls} calls`);
      await rebuildRollupsOf(store, 'America/Chicago');
    }
    const [sqlite, postgres] = await Promise.all(stores.map(factRows));
    assert.ok(sqlite!.wrapups!.length > 500);
    assert.deepEqual(postgres, sqlite);
    await assertSameRollups(stores);
    const last = await stores[1].get(query('SELECT max(seq) AS seq FROM events'));
    for (const store of stores) assert.equal((await readMetaOf(store)).historyThrough, String(last!.seq));
  });

  it('after the retention, derives again only the calls whose events are all kept, alike', async () => {
    const cut = from + DAY_MS / 2;
    for (const store of stores) {
      await store.transaction(async (tx) => {
        await tx.run(query('DELETE FROM events WHERE at < ?', [cut]));
        await tx.run(query('INSERT INTO rollup_meta (key, value) VALUES (?, ?)', [META_KEYS.prunedBefore, String(cut)]));
        // Marks every stored handling: a call derived again gets its ring time back, a call kept keeps the mark.
        await tx.run(query('UPDATE handlings SET ring_time = -1'));
      });
      await rederiveFacts(store);
    }
    const [sqlite, postgres] = await Promise.all(stores.map(factRows));
    assert.deepEqual(postgres, sqlite);
    const marked = (rows: string[]) => rows.filter((r) => r.includes('["ring_time",-1]')).length;
    assert.ok(marked(sqlite!.handlings!) > 0, 'calls that lost events keep their facts');
    assert.ok(marked(sqlite!.handlings!) < sqlite!.handlings!.length, 'calls still whole are derived again');
  });

  it('npm run rollups:rebuild on a postgres:// URL rebuilds as the functions do on SQLite', async () => {
    for (const store of stores) await store.transaction((tx) => tx.run(query('DELETE FROM wrapups')));
    const { code, output } = await rebuildCli(postgresUrl, '--time-zone', 'Asia/Shanghai');
    assert.equal(code, 0, output);
    assert.match(output, /done in .* s \(daily rollups in Asia\/Shanghai\)/);
    assert.doesNotMatch(output, new RegExp(PASSWORD), 'the password is not printed');
    await rederiveFacts(stores[0]);
    await rebuildRollupsOf(stores[0], 'Asia/Shanghai');
    const [sqlite, postgres] = await Promise.all(stores.map(factRows));
    assert.ok(sqlite!.wrapups!.length > 0, 'the wrap-ups derived again');
    assert.deepEqual(postgres, sqlite);
    await assertSameRollups(stores);
  });

  it('npm run rollups:rebuild refuses a PostgreSQL database a server runs on', async () => {
    const release = await holdServerShare(stores[1].pg!);
    try {
      const { code, output } = await rebuildCli(postgresUrl);
      assert.equal(code, 2, output);
      assert.match(output, /open in another process \(a running server\): stop the server first/);
    } finally {
      await release();
    }
  });
});
