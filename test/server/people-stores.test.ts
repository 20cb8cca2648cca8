import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AlertStore } from '../../server/alerts/alert-store.js';
import { CredentialStore, type SessionRow } from '../../server/auth/credential-store.js';
import { ChatStore } from '../../server/chat/chat-store.js';
import { AuditLog } from '../../server/commands/audit-log.js';
import type { Store } from '../../server/db/store.js';
import { openTestStore, TEST_STORE } from '../support/test-store.js';

// The store modules of chat, the command audit, alerts and sign-in on the run's store, held to the
// answers SQLite gives: PostgreSQL keeps no insertion order and has drivers of its own for counts.
describe(`chat, audit, alert and credential stores (${TEST_STORE})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-people-'));
  let store: Store;
  before(async () => {
    store = await openTestStore(dir);
    const t = store.tables;
    await store.transaction(async (tx) => {
      await tx.db.insert(t.queues).values([{ id: 'q2', name: 'Q2' }, { id: 'q1', name: 'Q1' }]);
      await tx.db.insert(t.displayTokens).values([
        { id: 'wall', secretHash: 'h-wall' },
        { id: 'gone', secretHash: 'h-gone', revokedAt: 5 },
        { id: 'bare', secretHash: 'h-bare' },
      ]);
      await tx.db.insert(t.displayTokenQueues).values([
        { tokenId: 'wall', queueId: 'q2' },
        { tokenId: 'wall', queueId: 'q1' },
        { tokenId: 'gone', queueId: 'q1' },
      ]);
      await tx.db.insert(t.integrationKeys).values([{ id: 'k1', secretHash: 'h-k1' }, { id: 'k2', secretHash: 'h-k2', revokedAt: 1 }]);
      await tx.db.insert(t.supervisors).values({ id: 's1', name: 'Ava', email: 'ava@example.com', passwordHash: 'scrypt$x', isAdmin: false });
    });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages a conversation oldest first, marks it read per supervisor in order and counts what is unread', async () => {
    const chat = new ChatStore(store);
    const sent = [];
    for (const [i, supervisorId] of ['s2', 's1', 's2', 's1', 's2'].entries()) {
      sent.push(await chat.insert({ agentId: 'a1', supervisorId, sender: i === 3 ? 'agent' : 'supervisor', body: `m${i} 你好`, sentAt: 1000 + i }));
    }
    await chat.insert({ agentId: 'a2', supervisorId: 's1', sender: 'agent', body: 'x', sentAt: 2000 });
    const ids = sent.map((m) => m.id);
    const page = await chat.page('a1', null, null, 3);
    assert.deepEqual([page.rows.map((r) => r.id), page.hasMore], [ids.slice(2), true]);
    assert.deepEqual((await chat.page('a1', 's2', ids[4]!, 10)).rows.map((r) => r.body), ['m0 你好', 'm2 你好']);
    assert.equal(await chat.unread('a1', 's2', 'agent'), 3);
    assert.deepEqual([...(await chat.markRead('a1', null, 'agent', ids[2]!, 5000))], [['s1', ids[1]], ['s2', ids[2]]]);
    assert.equal(await chat.unread('a1', 's2', 'agent'), 1);
    const bySupervisor = (await chat.summaries({ agentId: 'a1' })).sort((a, b) => a.supervisorId.localeCompare(b.supervisorId));
    assert.deepEqual(bySupervisor, [
      { agentId: 'a1', supervisorId: 's1', lastId: ids[3], unread: 0 },
      { agentId: 'a1', supervisorId: 's2', lastId: ids[4], unread: 1 },
    ]);
    assert.deepEqual((await chat.summaries({ supervisorId: 's1', agentIds: ['a1', 'a2'] })).map((s) => s.unread).sort(), [1, 1]);
  });

  it('lists the audit newest first, filtered and paged', async () => {
    const audit = new AuditLog(store, () => 7000);
    await audit.record('s1', 'a1', { kind: 'set_state', state: 'available' }, 'sent', null);
    await audit.record('s1', 'a2', { kind: 'monitor', queueId: 'q1' }, 'refused', 'no');
    await audit.record('s2', 'a1', { kind: 'sign_out' }, 'failed', 'down');
    const all = await audit.list({ limit: 10 });
    assert.deepEqual(all.map((e) => [e.action, e.outcome]), [['sign_out', 'failed'], ['monitor', 'refused'], ['set_state', 'sent']]);
    assert.deepEqual(all[2]!.detail, { state: 'available' });
    assert.deepEqual((await audit.list({ supervisorId: 's1', from: 7000, to: 7001, limit: 1 })).map((e) => [e.queueId, e.at]), [['q1', '1970-01-01T00:00:07.000Z']]);
    assert.deepEqual((await audit.list({ before: all[0]!.id, limit: 10 })).map((e) => e.id), [all[1]!.id, all[2]!.id]);
  });

  it('keeps alerts: raised, cleared, the first acknowledgement standing, open ones and a range', async () => {
    const alerts = new AlertStore(store);
    const queue = await alerts.raise({ key: 'k', rule: 'waitingAtLeast', queueId: 'q1', agentId: null, threshold: 3, value: 4.5 }, 100);
    const hand = await alerts.raise({ key: 'h', rule: 'raisedHand', queueId: null, agentId: 'a1', threshold: 0, value: 0 }, 200, 'help');
    assert.deepEqual([queue.value, queue.clearedAt, hand.note], [4.5, null, 'help']);
    assert.equal((await alerts.clear(queue.seq, 300)).clearedAt, 300);
    await alerts.acknowledge(hand.seq, 's1', 400);
    assert.deepEqual({ ...(await alerts.acknowledge(hand.seq, 's2', 500)) }, { ...hand, ackedBy: 's1', ackedAt: 400 });
    assert.equal(await alerts.acknowledge(hand.seq + 100, 's2', 500), undefined);
    assert.deepEqual((await alerts.open()).map((a) => a.seq), [hand.seq]);
    assert.deepEqual((await alerts.raisedBetween(0, 1000)).map((a) => a.seq), [hand.seq, queue.seq]);
    assert.deepEqual(await alerts.bouncesSince(0), []);
  });

  it('ends a session with its tickets, replaces one in a transaction, and finds only live tokens and keys', async () => {
    const credentials = new CredentialStore(store);
    const session = (id: string, kind: SessionRow['kind'], parentId: string | null = null, expiresAt = 10_000): SessionRow => ({
      id,
      kind,
      principalId: 's1',
      parentId,
      createdAt: 1,
      expiresAt,
    });
    assert.deepEqual(await credentials.supervisorForLogin('ava@example.com'), { id: 's1', passwordHash: 'scrypt$x' });
    for (const s of [session('x1', 'supervisor'), session('t1', 'stream_ticket', 'x1'), session('x2', 'display'), session('t2', 'stream_ticket', 'x2')]) {
      await credentials.addSession(s);
    }
    await credentials.addSession(session('old', 'supervisor', null, 5));
    assert.deepEqual(await credentials.session('t1'), session('t1', 'stream_ticket', 'x1'));
    assert.deepEqual([await credentials.sessionAlive('x1', 9_999), await credentials.sessionAlive('x1', 10_000)], [true, false]);
    await credentials.endSession('x1');
    assert.deepEqual([await credentials.session('x1'), await credentials.session('t1')], [undefined, undefined]);
    await credentials.endSession('x2', session('x3', 'display'));
    assert.deepEqual([await credentials.session('t2'), (await credentials.session('x3'))?.kind], [undefined, 'display']);
    await credentials.addSession(session('t3', 'stream_ticket', 'x3'));
    assert.deepEqual(await credentials.endSessionsOf('display', 's1'), ['x3']);
    assert.equal(await credentials.session('t3'), undefined, 'the ticket ends with its session');
    await credentials.purgeExpired(6);
    assert.equal(await credentials.session('old'), undefined);
    assert.deepEqual([await credentials.displayBySecret('h-wall'), await credentials.displayBySecret('h-gone')], ['wall', undefined]);
    assert.deepEqual(await credentials.displayQueues('wall'), ['q1', 'q2']);
    assert.deepEqual([...(await credentials.liveDisplays())], [['bare', []], ['wall', ['q1', 'q2']]]);
    assert.deepEqual([await credentials.integrationKeyBySecret('h-k1'), await credentials.integrationKeyBySecret('h-k2')], ['k1', undefined]);
  });
});
