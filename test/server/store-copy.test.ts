import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { scopeOf } from '../../server/auth/principal.js';
import { openDb } from '../../server/db/client.js';
import { openPostgres } from '../../server/db/postgres-client.js';
import { holdServerShare } from '../../server/db/postgres-in-use.js';
import { PostgresStore } from '../../server/db/postgres-store.js';
import { SqliteStore } from '../../server/db/sqlite-store.js';
import type { Store } from '../../server/db/store.js';
import { Directory } from '../../server/directory/directory.js';
import { generateCentre } from '../../server/directory/generate-centre.js';
import { upsertDirectory } from '../../server/directory/upsert-directory.js';
import { copyTables } from '../../server/store-copy/store-copy-tables.js';
import { StatsService } from '../../server/stats/stats-service.js';
import { psql, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { freePort } from '../support/server-process.js';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Runs a CLI as its npm script does (compiled on the fly by tsx); `onLine` sees each stdout line as it comes, with the child to kill. */
function cli(entry: string, args: string[], onLine?: (line: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let partial = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) onLine?.(line, child);
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, out, err })));
}

const storeCopy = (args: string[], onLine?: Parameters<typeof cli>[2]) => cli('server/store-copy/store-copy-cli.ts', args, onLine);

const TABLES = copyTables();

// A centre moved from its SQLite file to PostgreSQL with npm run store:copy: a 7-day simulated centre
// (the seed CLI) with a row in every table, copied whole, and copied again after a kill -9 midway.
describe('npm run store:copy (SQLite → PostgreSQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-store-copy-'));
  const sourceFile = join(dir, 'source.db');
  let cluster: PostgresCluster;
  const url = (database: string) => {
    const u = new URL(cluster.adminUrl);
    u.pathname = `/${database}`;
    return u.toString();
  };
  /** Every table's content as one digest per table: two databases holding the same rows give the same list. */
  const digests = (database: string) =>
    psql(
      url(database),
      TABLES.map((t) => `select '${t.name} ' || count(*) || ' ' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') from ${t.name} x`).join(' union all '),
    )
      .trim()
      .split('\n')
      .sort();

  before(async () => {
    cluster = await startPostgresCluster();
    for (const database of ['whole', 'resumed', 'other']) psql(cluster.adminUrl, `create database ${database}`);
    const seeded = await cli('server/wiring/backfill-cli.ts', ['--days', '7', '--agents', '12', '--queues', '3', '--seed', '4', '--db', sourceFile]);
    assert.equal(seeded.code, 0, seeded.err);
    // What a simulated backfill leaves empty: people's rows, a report with a chunk, admin history.
    const store = SqliteStore.over(openDb(sourceFile));
    const t = store.tables;
    const agentId = (await store.db.select().from(t.agents).limit(1))[0]!.id;
    await store.transaction(async (tx) => {
      await tx.db.insert(t.agentMembers).values({ agentId, member: 'PJSIP/1001' });
      await tx.db.insert(t.messages).values({ agentId, supervisorId: 's-ava', sender: 'supervisor', body: '请稍等 "quoted" \\ back', sentAt: 1, readAt: null });
      await tx.db.insert(t.auditLog).values({ at: 2, supervisorId: 's-ava', action: 'pause', agentId, outcome: 'sent' });
      await tx.db.insert(t.alerts).values({ rule: 'queue_waiting', queueId: 'q-1', threshold: 0.25, value: 1 / 3, raisedAt: 3 });
      await tx.db.insert(t.sessions).values({ id: 'h-session', kind: 'supervisor', principalId: 's-ava', createdAt: 4, expiresAt: 9e12 });
      await tx.db.insert(t.reports).values({ id: 'r-1', supervisorId: 's-ava', status: 'ready', params: '{}', createdAt: 5 });
      await tx.db.insert(t.reportChunks).values({ reportId: 'r-1', seq: 0, rowCount: 2, data: deflateSync('a,b\n1,2\n') });
      await tx.db.insert(t.directoryChanges).values({
        at: 6,
        actorId: 's-ava',
        actorName: 'Ava',
        action: 'update',
        resource: 'agent',
        resourceId: agentId,
        before: { name: 'Old', queues: ['q-1'] },
        after: { name: '新', queues: [] },
      });
      await tx.db.insert(t.directoryFileImports).values({ sha256: 'ab', importedAt: 7 });
    });
    await store.close();
  });
  after(() => {
    cluster?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds a row in every table of the source, so the copy below has something of each to carry', () => {
    const db = new Database(sourceFile, { readonly: true });
    try {
      // Month rollups hold whole months only: the last 7 days end one on some dates, not on others.
      const empty = TABLES.filter((t) => !t.name.endsWith('_months') && db.prepare(`select count(*) from ${t.name}`).pluck().get() === 0).map((t) => t.name);
      assert.deepEqual(empty, []);
    } finally {
      db.close();
    }
  });

  it('copies every table, with progress lines, and says the counts and statistics agree', async () => {
    const run = await storeCopy(['--from', sourceFile, '--to', url('whole')]);
    assert.equal(run.code, 0, run.err);
    const events = run.out.split('\n').filter((l) => l.startsWith('events: '));
    assert.match(events.at(-1)!, /^events: (\d+) \/ \1 rows, \d+ rows\/s$/);
    assert.match(run.out, /Verified: every table's row count and the statistics sample are the same on both stores/);
  });

  it('gives the same statistics on PostgreSQL as on the SQLite file, for a day and for the week', async () => {
    const source = SqliteStore.over(openDb(sourceFile));
    const target = PostgresStore.over(await openPostgres(url('whole'), { pool: 2, statementTimeoutMs: 0 }));
    try {
      const ask = async (store: Store) => {
        const directory = await Directory.load(store);
        const stats = await StatsService.open(store, directory, { upToDate: async () => undefined });
        const scope = scopeOf(directory.queues.keys());
        const ranking = { order: 'desc', limit: 100 } as const;
        const today = new Date().toISOString().slice(0, 10);
        const weekAgo = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
        return {
          queuesWeek: await stats.queues(scope, { from: weekAgo, to: today, tz: 'UTC', ...ranking }),
          agentsWeek: await stats.agents(scope, { from: weekAgo, to: today, tz: 'UTC', ...ranking }),
          agentsDay: await stats.agents(scope, { from: today, to: today, tz: 'UTC', ...ranking }),
          wrapupsWeek: await stats.wrapups(scope, { from: weekAgo, to: today, tz: 'UTC', ...ranking }),
          callsWeek: await stats.calls(scope, { from: weekAgo, to: today, tz: 'UTC', by: 'queue', limit: 50 }),
        };
      };
      const [onSqlite, onPostgres] = [await ask(source), await ask(target)];
      assert.ok(onSqlite.queuesWeek.kpis.answered > 100, 'a week of calls answered');
      assert.ok(onSqlite.callsWeek.calls.length > 0);
      assert.deepEqual(onPostgres, onSqlite);
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  });

  it('numbers new rows after the copied ones', () => {
    const next = psql(url('whole'), `select nextval(pg_get_serial_sequence('events', 'seq')) - (select max(seq) from events)`).trim();
    assert.equal(next, '1');
  });

  it('resumes after a kill -9 midway and ends with the same rows as the uninterrupted copy', async () => {
    let seenMidway = '';
    const killed = await storeCopy(['--from', sourceFile, '--to', url('resumed'), '--batch-rows', '2000', '--progress-every', '0'], (line, child) => {
      const m = /^events: (\d+) \/ (\d+) rows/.exec(line);
      if (m && !seenMidway && Number(m[1]) > 0 && Number(m[1]) < Number(m[2])) {
        seenMidway = line;
        child.kill('SIGKILL');
      }
    });
    assert.equal(killed.signal, 'SIGKILL', `killed midway, after ${seenMidway}: ${killed.out.slice(-300)}`);
    const total = Number(psql(url('whole'), 'select count(*) from events').trim());
    const atKill = Number(psql(url('resumed'), 'select count(*) from events').trim());
    assert.ok(atKill > 0 && atKill < total, `the kill left part of the events (${atKill} of ${total})`);

    const resumed = await storeCopy(['--from', sourceFile, '--to', url('resumed')]);
    assert.equal(resumed.code, 0, resumed.err);
    assert.match(resumed.out, new RegExp(`^events: ${total} / ${total} rows, \\d+ rows/s \\(resumed at ${atKill}\\)$`, 'm'));
    assert.deepEqual(digests('resumed'), digests('whole'));
  });

  it('refuses a target that holds another centre, and leaves it as it was', async () => {
    const otherFile = join(dir, 'other.db');
    const other = SqliteStore.over(openDb(otherFile));
    await upsertDirectory(other, generateCentre({ agents: 5, queues: 2, seed: 99 }));
    await other.close();
    const before = digests('whole');
    const run = await storeCopy(['--from', otherFile, '--to', url('whole')]);
    assert.equal(run.code, 1);
    assert.match(run.err, /the target already holds another centre: its table \w+ has a row \(.+\) that the source (does not have|holds otherwise)/);
    assert.deepEqual(digests('whole'), before);
  });

  it('exits non-zero naming what differs when the target no longer matches', async () => {
    psql(url('resumed'), `delete from events where seq = (select seq from events order by seq offset 10 limit 1)`);
    psql(url('resumed'), `update queue_days set answered = answered + 1 where (queue_id, day) = (select queue_id, day from queue_days order by queue_id, day offset 1 limit 1)`);
    const run = await storeCopy(['--from', sourceFile, '--to', url('resumed')]);
    assert.equal(run.code, 1);
    assert.match(run.err, /the copy differs from the source:\n {2}row count of events: (\d+) rows in the source, \d+ in the target\n/);
    assert.match(run.err, /statistics: queues for the week /);
  });

  it('names every bad argument, a source in use, a target a server runs on and an unreachable target', async () => {
    const none = await storeCopy([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /--from \(the SQLite file\) is required\n--to \(the PostgreSQL URL\) is required/);
    const bad = await storeCopy(['--from', join(dir, 'missing.db'), '--to', 'mysql://x/y', '--batch-rows', '0', '--progress-every', 'soon']);
    assert.equal(bad.code, 2);
    for (const field of [/--from: no database at .*missing\.db/, /--to must be a postgres:\/\/ URL/, /--batch-rows must be an integer/, /--progress-every must be a number/]) {
      assert.match(bad.err, field);
    }
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a database, but long enough to have a header of a hundred bytes or so, '.repeat(3));
    const notSqlite = await storeCopy(['--from', notes, '--to', url('whole')]);
    assert.equal(notSqlite.code, 2);
    assert.match(notSqlite.err, /--from: .*notes\.txt cannot be read as a SQLite database \(file is not a database\)/);
    const emptyFile = join(dir, 'empty.db');
    new Database(emptyFile).close();
    const notFloorview = await storeCopy(['--from', emptyFile, '--to', url('whole')]);
    assert.equal(notFloorview.code, 2);
    assert.match(notFloorview.err, /--from: .*empty\.db is not a Floorview database \(no events table\)/);
    const unknown = await storeCopy(['--from', sourceFile, '--to', url('whole'), '--force']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown option '--force'/);

    // A server's connection, as it holds the file: open and read.
    const held = new Database(sourceFile);
    try {
      held.prepare('select count(*) from events').get();
      const inUse = await storeCopy(['--from', sourceFile, '--to', url('whole')]);
      assert.equal(inUse.code, 1);
      assert.match(inUse.err, /is open in another process: stop the server first/);
    } finally {
      held.close();
    }

    const server = await openPostgres(url('whole'), { pool: 1, statementTimeoutMs: 0 });
    const releaseShare = await holdServerShare(server);
    try {
      const serverRunning = await storeCopy(['--from', sourceFile, '--to', url('whole')]);
      assert.equal(serverRunning.code, 1);
      assert.match(serverRunning.err, /a Floorview server is running on the target database: stop it first/);
    } finally {
      await releaseShare();
      await server.$client.end();
    }

    const port = await freePort();
    const unreachable = await storeCopy(['--from', sourceFile, '--to', `postgres://floorview:secret@127.0.0.1:${port}/floorview`]);
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.err, new RegExp(`Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} .*the host and port in --to`));
    assert.doesNotMatch(unreachable.err, /secret/);
  });
});
