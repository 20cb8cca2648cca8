import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../server/db/store.js';
import { Directory } from '../../server/directory/directory.js';
import { parseDirectoryFile } from '../../server/directory/directory-file.js';
import { upsertDirectory } from '../../server/directory/upsert-directory.js';
import { History, type HistoryOptions } from '../../server/history/history.js';
import { IngestService } from '../../server/ingest/ingest-service.js';
import { FAMILY_NAMES, ROLLUP_TABLES } from '../../server/history/rollup-tables.js';
import { readConfig } from '../../server/wiring/env.js';
import { openStore } from '../../server/wiring/open-store.js';
import { storeEnv } from '../support/test-store.js';
import { waitUntil } from '../support/wait-until.js';
import { answeredCall, byColumns, centre, eventFactory, startHarness, type Harness } from './harness.js';
import { rebuildFromTheLog, storedRows as stored } from './stored-rows.js';

type Json = Record<string, any>;

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 'from=2026-03-02&to=2026-03-02&tz=UTC';
const UTC = { FLOORVIEW_TIME_ZONE: 'UTC' };
const ROLLUPS = FAMILY_NAMES.flatMap((f) => [ROLLUP_TABLES[f].buckets, ROLLUP_TABLES[f].hours, ROLLUP_TABLES[f].days, ROLLUP_TABLES[f].months]);
const FACTS = ['calls', 'queue_visits', 'handlings', 'wrapups'];

const calls = (store: Store) => stored(store, 'SELECT id, outcome FROM calls ORDER BY id');
const dump = async (store: Store) =>
  Object.fromEntries(await Promise.all([...FACTS, ...ROLLUPS].map(async (t) => [t, (await stored(store, `SELECT * FROM ${t}`)).sort(byColumns)])));

/** What the stored history must be: every call's facts derived afresh from the log, and the rollups rebuilt from them. */
async function assertRebuildsTheSame(store: Store): Promise<void> {
  const maintained = await dump(store);
  await rebuildFromTheLog(store, 'UTC');
  assert.deepEqual(await dump(store), maintained);
}

/** The ingestion and history of a server process keeping its files in `dir`, without the rest (nothing else touches the database). */
async function ingestionOn(dir: string, options: HistoryOptions) {
  const store = await openStore(readConfig({ FLOORVIEW_DB: join(dir, 'floorview.db'), ...storeEnv(dir) }));
  await upsertDirectory(store, parseDirectoryFile(centre, 'test centre'));
  const ingest = new IngestService(store, await Directory.load(store), Date.now);
  return { store, ingest, history: (await History.open(store, ingest.store, Date.now, options)).follow(ingest) };
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
      assert.deepEqual(await calls(h.services.store), [], 'not written yet');
      assert.equal(await answered(), 1);
      assert.deepEqual(await calls(h.services.store), [['A1', 'answered']]);
    });

    it('lists a call accepted just before in the drill-down', async () => {
      await h.events(...answeredCall(ev, 'A2', 600));
      const page = (await (await h.get(`/api/v1/stats/calls?${DAY}&by=queue`, sam)).json()) as Json;
      assert.deepEqual(
        page.calls.map((c: Json) => c.callId),
        ['A1', 'A2'],
      );
    });

    it('writes it for a reader inside a transaction, again from the log should the reader roll it back', async () => {
      const store = h.services.store;
      await h.events(...answeredCall(ev, 'A3', 1200));
      await assert.rejects(
        store.transaction(async (tx) => {
          await h.services.history.upToDate(tx);
          assert.equal((await calls(tx)).length, 3, 'the reader sees it');
          throw new Error('the reader failed');
        }),
        /the reader failed/,
      );
      // SQLite writes it in the reader's transaction (the file has one writer); PostgreSQL commits it on a connection of its own first.
      assert.equal((await calls(store)).length, store.dialect === 'sqlite' ? 2 : 3);
      assert.equal(await answered(), 3);
      await assertRebuildsTheSame(store);
    });

    it('writes what is pending when the server stops', async () => {
      await h.events(...answeredCall(ev, 'A4', 1800));
      assert.equal((await calls(h.services.store)).length, 3);
      await h.close({ keepFiles: true });
      const store = await openStore(readConfig({ FLOORVIEW_DB: join(h.dir, 'floorview.db'), ...storeEnv(h.dir) }));
      try {
        assert.deepEqual((await calls(store)).map(([id]) => id), ['A1', 'A2', 'A3', 'A4']);
        const [through] = (await stored(store, "SELECT value FROM rollup_meta WHERE key = 'history_through'"))[0]!;
        assert.equal(Number(through), Number((await stored(store, 'SELECT max(seq) FROM events'))[0]![0]));
      } finally {
        await store.close();
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
      await waitUntil(async () => (await calls(h.services.store)).length > 0, 'the call written');
      assert.deepEqual(await calls(h.services.store), [['B1', 'answered']]);
    } finally {
      await h.close();
    }
  });

  it('is written at once when enough call events wait, as in a bulk load that nothing reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'floorview-history-'));
    const { store, ingest, history } = await ingestionOn(dir, { historyAfterMs: null, historyEvery: 8 });
    try {
      const ev = eventFactory(T0);
      await ingest.ingestBody({ events: answeredCall(ev, 'C1', 0) });
      assert.deepEqual(await calls(store), []);
      await ingest.ingestBody({ events: answeredCall(ev, 'C2', 300) });
      // Written right after the batch that made eight call events wait, before the next could go in.
      await waitUntil(async () => (await calls(store)).length === 2, 'both calls written');
      assert.deepEqual(await calls(store), [
        ['C1', 'answered'],
        ['C2', 'answered'],
      ]);
    } finally {
      await history.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('after a crash', () => {
    let h: Harness;
    let dir: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'floorview-history-'));
      const { store, ingest, history } = await ingestionOn(dir, { historyAfterMs: null });
      const ev = eventFactory(T0);
      const [queued, ...rest] = answeredCall(ev, 'K2', 300);
      // K1 is answered and K2 complete, and that much is written …
      await ingest.ingestBody({ events: [...answeredCall(ev, 'K1', 0).slice(0, 3), ...rest] });
      await history.upToDate();
      // … then K1 ends, K3 comes and goes, and K2 turns out to have queued a quarter of an hour earlier: not written yet.
      await ingest.ingestBody({ events: [...answeredCall(ev, 'K1', 0).slice(3), ...answeredCall(ev, 'K3', 900), { ...queued!, at: new Date(T0 - 600_000).toISOString() }] });
      assert.deepEqual(await calls(store), [
        ['K1', null],
        ['K2', 'answered'],
      ]);
      // The process dies: its connection goes without another write.
      await store.close();
      h = await startHarness({ dir, historyAfterMs: null, env: UTC });
    });
    after(async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes the history of the events the log holds before anything reads it', async () => {
      assert.deepEqual(await calls(h.services.store), [
        ['K1', 'answered'],
        ['K2', 'answered'],
        ['K3', 'answered'],
      ]);
      const buckets = await stored(h.services.store, "SELECT bucket, answered FROM queue_buckets WHERE queue_id = 'q-sales' ORDER BY bucket");
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
