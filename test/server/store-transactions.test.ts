import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDb } from '../../server/db/client.js';
import { SqliteStore } from '../../server/db/sqlite-store.js';

// What every area's store module relies on: a transaction that awaits between its statements is
// still all or nothing, and no other write of the process lands inside it.
describe('store transactions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-store-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const store = SqliteStore.over(openDb(join(dir, 'store.db')));
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
    const sync = store.exclusive((db) => db.insert(t.wrapupReasons).values(reason('sync')).run().changes);
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
});
