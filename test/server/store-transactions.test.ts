import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestStore, TEST_STORE } from '../support/test-store.js';

// What every area's store module relies on: a transaction that awaits between its statements is
// still all or nothing, and no other write of the process lands inside it.
describe(`store transactions (${TEST_STORE})`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-store-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const store = await openTestStore(dir);
  const t = store.tables;
  const names = async () => (await store.db.select({ name: t.wrapupReasons.name }).from(t.wrapupReasons)).map((r) => r.name).sort();
  const reason = (id: string) => ({ id, name: id });
  after(() => store.close());

  it('keeps a concurrent write out of an open transaction that then rolls back', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = store.transaction(async (tx) => {
      await tx.db.insert(t.wrapupReasons).values(reason('inside'));
      await held;
      throw new Error('roll back');
    });
    const other = store.transaction(async (tx) => {
      await tx.db.insert(t.wrapupReasons).values(reason('outside'));
    });
    // SQLite's fast path writes synchronously, so it waits its turn; PostgreSQL has no fast path and isolates it itself.
    const sync =
      store.dialect === 'sqlite'
        ? store.exclusive((db) => db.insert(t.wrapupReasons).values(reason('sync')).run().changes)
        : store.run(sql`INSERT INTO ${t.wrapupReasons} (id, name) VALUES ('sync', 'sync')`).then((r) => r.changes);
    release();
    await assert.rejects(failing, /roll back/);
    await other;
    assert.equal(await sync, 1);
    assert.deepEqual(await names(), ['outside', 'sync']);
  });

  it('lets a nested transaction join the outer one', async () => {
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.transaction(async (inner) => inner.run(sql`INSERT INTO ${t.wrapupReasons} (id, name) VALUES ('nested', 'nested')`));
        throw new Error('outer fails');
      }),
      /outer fails/,
    );
    assert.deepEqual(await names(), ['outside', 'sync']);
  });

  it('returns counts and sums as numbers and rows in their JavaScript types', async () => {
    await store.db.insert(t.events).values({ id: 'e-1', type: 'x', at: 1_796_000_000_000 });
    const [row] = await store.db.select().from(t.events);
    assert.equal(row!.at, 1_796_000_000_000);
    assert.deepEqual(await store.get(sql`SELECT count(*) AS n, sum(${t.events.at}) AS "sumAt" FROM ${t.events}`), { n: 1, sumAt: 1_796_000_000_000 });
  });

  it(store.dialect === 'sqlite' ? 'runs synchronous work on the file in turn' : 'refuses the SQLite fast path, saying what to use', async () => {
    if (store.dialect === 'sqlite') assert.equal(await store.exclusive((db) => db.select().from(t.wrapupReasons).all().length), 2);
    else await assert.rejects(store.exclusive(() => 0), /SQLite fast path; on PostgreSQL use store\.db/);
  });
});
