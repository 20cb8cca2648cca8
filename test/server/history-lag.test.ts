import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDb, type Db } from '../../server/db/client.js';
import { SqliteStore } from '../../server/db/sqlite-store.js';
import type { Store } from '../../server/db/store.js';
import { Directory } from '../../server/directory/directory.js';
import { parseDirectoryFile } from '../../server/directory/directory-file.js';
import { upsertDirectory } from '../../server/directory/upsert-directory.js';
import { EventStore } from '../../server/ingest/event-store.js';
import { History, type HistoryOptions } from '../../server/history/history.js';
import { IngestService } from '../../server/ingest/ingest-service.js';
import { rederiveFacts } from '../../server/history/fact-rederive.js';
import { rebuildRollupsOf } from '../../server/history/rollup-rebuild.js';
import { FAMILY_NAMES, ROLLUP_TABLES } from '../../server/history/rollup-tables.js';
import { waitUntil } from '../support/wait-until.js';
import { answeredCall, byColumns, centre, eventFactory, startHarness, type Harness } from './harness.js';

type Json = Record<string, any>;

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 'from=2026-03-02&to=2026-03-02&tz=UTC';
const UTC = { FLOORVIEW_TIME_ZONE: 'UTC' };
const ROLLUPS = FAMILY_NAMES.flatMap((f) => [ROLLUP_TABLES[f].buckets, ROLLUP_TABLES[f].hours, ROLLUP_TABLES[f].days, ROLLUP_TABLES[f].months]);
const FACTS = ['calls', 'queue_visits', 'handlings', 'wrapups'];

/** Straight from the table, as stored now: no catch-up first. */
const stored = (db: Db, sql: string) => db.$client.prepare(sql).raw().all() as unknown[][];
const calls = (db: Db) => stored(db, 'SELECT id, outcome FROM calls ORDER BY id');
const dump = (db: Db) => Object.fromEntries([...FACTS, ...ROLLUPS].map((t) => [t, stored(db, `SELECT * FROM ${t}`).sort(byColumns)]));

/** What the stored history must be: every call's facts derived afresh from the log, and the rollups rebuilt from them. */
async function assertRebuildsTheSame(store: Store): Promise<void> {
  const db = store.sqlite!;
  const maintained = dump(db);
  await rederiveFacts(store);
  await rebuildRollupsOf(store, 'UTC');
  assert.deepEqual(dump(db), maintained);
}

/** The ingestion and history of a server process on `file`, without the rest (nothing else touches the database). */
async function ingestionOn(file: string, options: HistoryOptions) {
  const db = openDb(file);
  const database = SqliteStore.over(db);
  await upsertDirectory(database, parseDirectoryFile(centre, 'test centre'));
  const events = new EventStore(db);
  const ingest = new IngestService(database, await Directory.load(database), Date.now, events);
  return { db, ingest, history: (await History.open(database, events, Date.now, options)).follow(ingest) };
}

describe('history written after ingestion', () => {
  describe('when nothing writes it but reads', () => {
    let h: Harness;
    let sam: Record<string, string>;
    const ev = eventFactory(T0);
    const answered = async () => ((await (await h.get(`/api/v1/stats/queues?${DAY}`, sam)).json()) as Json).kpis.answered;

    before(async () => {
      h = await startHarness({ historyAfterMs: null, env: UTC });
      sam = await h.login('sam');
    });
    after(() => h.close());

    it('answers a statistics read with the calls of events accepted just before', async () => {
      await h.events(...answeredCall(ev, 'A1', 0));
      assert.deepEqual(calls(h.services.db), [], 'not written yet');
      assert.equal(await answered(), 1);
      assert.deepEqual(calls(h.services.db), [['A1', 'answered']]);
    });

    it('lists a call accepted just before in the drill-down', async () => {
      await h.events(...answeredCall(ev, 'A2', 600));
      const page = (await (await h.get(`/api/v1/stats/calls?${DAY}&by=queue`, sam)).json()) as Json;
      assert.deepEqual(
        page.calls.map((c: Json) => c.callId),
        ['A1', 'A2'],
      );
    });

    it('writes it again from the log when a transaction it was written in rolls back', async () => {
      const db = h.services.db;
      await h.events(...answeredCall(ev, 'A3', 1200));
      await assert.rejects(
        h.services.store.transaction(async (tx) => {
          await h.services.history.upToDate(tx);
          assert.equal(calls(db).length, 3);
          throw new Error('the reader failed');
        }),
        /the reader failed/,
      );
      assert.equal(calls(db).length, 2, 'rolled back with the reader');
      assert.equal(await answered(), 3);
      await assertRebuildsTheSame(h.services.store);
    });

    it('writes what is pending when the server stops', async () => {
      await h.events(...answeredCall(ev, 'A4', 1800));
      assert.equal(calls(h.services.db).length, 3);
      await h.close({ keepFiles: true });
      const db = openDb(join(h.dir, 'floorview.db'));
      try {
        assert.deepEqual(calls(db).map(([id]) => id), ['A1', 'A2', 'A3', 'A4']);
        const [through] = stored(db, "SELECT value FROM rollup_meta WHERE key = 'history_through'")[0]!;
        assert.equal(Number(through), stored(db, 'SELECT max(seq) FROM events')[0]![0]);
      } finally {
        db.$client.close();
      }
      h = await startHarness({ dir: h.dir, historyAfterMs: null, env: UTC });
      sam = await h.login('sam');
      assert.equal(await answered(), 4);
    });
  });

  it('is written a moment after the events arrive, with no read', async () => {
    const h = await startHarness({ env: UTC });
    try {
      await h.events(...answeredCall(eventFactory(T0), 'B1', 0));
      // The delay is a quarter second; on a loaded machine it can be seconds.
      await waitUntil(() => calls(h.services.db).length > 0, 'the call written');
      assert.deepEqual(calls(h.services.db), [['B1', 'answered']]);
    } finally {
      await h.close();
    }
  });

  it('is written at once when enough call events wait, as in a bulk load that nothing reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'floorview-history-'));
    const { db, ingest, history } = await ingestionOn(join(dir, 'floorview.db'), { historyAfterMs: null, historyEvery: 8 });
    try {
      const ev = eventFactory(T0);
      await ingest.ingestBody({ events: answeredCall(ev, 'C1', 0) });
      assert.deepEqual(calls(db), []);
      await ingest.ingestBody({ events: answeredCall(ev, 'C2', 300) });
      // Written right after the batch that made eight call events wait, before the next could go in.
      await waitUntil(() => calls(db).length === 2, 'both calls written');
      assert.deepEqual(calls(db), [
        ['C1', 'answered'],
        ['C2', 'answered'],
      ]);
    } finally {
      await history.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('after a crash', () => {
    let h: Harness;
    let dir: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'floorview-history-'));
      const { db, ingest, history } = await ingestionOn(join(dir, 'floorview.db'), { historyAfterMs: null });
      const ev = eventFactory(T0);
      const [queued, ...rest] = answeredCall(ev, 'K2', 300);
      // K1 is answered and K2 complete, and that much is written …
      await ingest.ingestBody({ events: [...answeredCall(ev, 'K1', 0).slice(0, 3), ...rest] });
      await history.upToDate();
      // … then K1 ends, K3 comes and goes, and K2 turns out to have queued a quarter of an hour earlier: not written yet.
      await ingest.ingestBody({ events: [...answeredCall(ev, 'K1', 0).slice(3), ...answeredCall(ev, 'K3', 900), { ...queued!, at: new Date(T0 - 600_000).toISOString() }] });
      assert.deepEqual(calls(db), [
        ['K1', null],
        ['K2', 'answered'],
      ]);
      // The process dies: its connection goes without another write.
      db.$client.close();
      h = await startHarness({ dir, historyAfterMs: null, env: UTC });
    });
    after(async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes the history of the events the log holds before anything reads it', () => {
      assert.deepEqual(calls(h.services.db), [
        ['K1', 'answered'],
        ['K2', 'answered'],
        ['K3', 'answered'],
      ]);
      const buckets = stored(h.services.db, "SELECT bucket, answered FROM queue_buckets WHERE queue_id = 'q-sales' ORDER BY bucket");
      assert.deepEqual(buckets, [
        [T0 - 15 * 60_000, 1],
        [T0, 1],
        [T0 + 15 * 60_000, 1],
      ]);
    });

    it('leaves the facts and rollups a rebuild from the log would make', async () => {
      await assertRebuildsTheSame(h.services.store);
    });
  });
});
