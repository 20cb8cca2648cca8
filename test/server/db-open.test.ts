import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDb } from '../../server/db/client.js';
import { readConfig } from '../../server/wiring/env.js';

describe('opening the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-db-open-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('commits durably by default (synchronous=FULL in WAL), NORMAL only when asked', () => {
    assert.equal(readConfig({}).FLOORVIEW_SYNCHRONOUS, 'full');
    const full = openDb(join(dir, 'full.db'));
    assert.equal(full.$client.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(full.$client.pragma('synchronous', { simple: true }), 2);
    full.$client.close();
    const normal = openDb(join(dir, 'normal.db'), { synchronous: 'normal' });
    assert.equal(normal.$client.pragma('synchronous', { simple: true }), 1);
    normal.$client.close();
  });

  it('creates a new database with incremental auto_vacuum, so retention can return pages', () => {
    const db = openDb(join(dir, 'fresh.db'));
    assert.equal(db.$client.pragma('auto_vacuum', { simple: true }), 2);
    db.$client.close();
  });
});
