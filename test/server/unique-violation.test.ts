import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isUniqueViolation } from '../../server/db/unique-violation.js';
import type { Store } from '../../server/db/store.js';
import { parseDirectoryFile } from '../../server/directory/directory-file.js';
import { upsertDirectory } from '../../server/directory/upsert-directory.js';
import { centre } from '../support/centre.js';
import { openTestStore } from '../support/test-store.js';

/** The store's driver says "unique violation" in its own way; server/db/unique-violation.ts knows each. */
describe('unique violations', () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-unique-'));
    store = await openTestStore(dir);
    await upsertDirectory(store, parseDirectoryFile(centre, 'test centre'));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const failure = async (work: () => Promise<unknown>): Promise<unknown> => {
    try {
      await work();
    } catch (error) {
      return error;
    }
    assert.fail('the statement was refused');
  };

  it('recognises a primary key or unique index broken, and nothing else', async () => {
    const { db, tables: t } = store;
    const queue = { id: 'q-sales', name: 'Sales again' };
    assert.equal(isUniqueViolation(await failure(() => db.insert(t.queues).values(queue))), true, 'an id in use');
    const email = { id: 's-new', name: 'New', email: 'ava@example.com', passwordHash: '' };
    assert.equal(isUniqueViolation(await failure(() => db.insert(t.supervisors).values(email))), true, 'an email in use');
    const orphan = { agentId: 'a-nobody', queueId: 'q-sales' };
    assert.equal(isUniqueViolation(await failure(() => db.insert(t.agentQueues).values(orphan))), false, 'a foreign key');
    assert.equal(isUniqueViolation(new Error('UNIQUE constraint failed')), false, 'a message alone');
  });
});
