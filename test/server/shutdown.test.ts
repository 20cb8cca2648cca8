import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import { readConfig } from '../../server/wiring/env.js';
import { openStore } from '../../server/wiring/open-store.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { centreEnv, INTEGRATION } from './harness.js';
import { openSse } from './sse-reader.js';

const BOUND_S = 10;

/** `n` short Sales calls (queued, then abandoned) as one batch, stamped an hour ago. */
function batch(tag: string, n: number) {
  const t = Date.now() - 3_600_000;
  return Array.from({ length: n }, (_, i) => {
    const callId = `${tag}-c${i}`;
    return [
      { id: `${callId}-q`, type: 'call.queued', callId, queueId: 'q-sales', at: new Date(t + i).toISOString() },
      { id: `${callId}-e`, type: 'call.ended', callId, by: 'caller', at: new Date(t + i + 30_000).toISOString() },
    ];
  }).flat();
}

describe('graceful shutdown under load (SIGTERM)', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-shutdown-'));
    env = { ...centreEnv(dir), FLOORVIEW_SHUTDOWN_SECONDS: String(BOUND_S) };
  });
  after(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops accepting, ends streams with a retry hint, finishes in-flight requests, keeps every acknowledged batch, exits 0 in time', async () => {
    server = await startServerProcess(env);
    const { url, child } = server;
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<{ code: number | null; at: number }>((r) => child.once('exit', (code) => r({ code, at: Date.now() })));

    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sam@example.com', password: 'sam-password' }),
    });
    const { token } = (await login.json()) as { token: string };
    const streams = await Promise.all([1, 2, 3].map(() => openSse(`${url}/api/v1/stream`, { authorization: `Bearer ${token}` })));
    await Promise.all(streams.map((s) => s.next((m) => m.event === 'snapshot')));

    // Ingest load: two posters until the server is gone; what it acknowledged is recorded.
    const acknowledged: string[] = [];
    let stop = false;
    let n = 0;
    const poster = async () => {
      while (!stop) {
        const events = batch(`b${++n}`, 100);
        try {
          const res = await fetch(`${url}/api/v1/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...INTEGRATION },
            body: JSON.stringify({ events }),
          });
          if (res.status === 200) acknowledged.push(...events.map((e) => e.id));
          else await res.body?.cancel();
        } catch {
          stop = true; // refused: the server stopped listening
        }
      }
    };
    const load = [poster(), poster()];
    await waitUntil(() => acknowledged.length >= 4_000, '4,000 events acknowledged under load');

    // A request in flight when the signal comes: half its body now, the rest after. It asks
    // `Expect: 100-continue`, so the server's 100 says it has the request before the signal.
    const slowEvents = batch('slow', 50);
    const body = JSON.stringify({ events: slowEvents });
    let sendRest!: () => void;
    let received = false;
    const slow = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${url}/api/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue', ...INTEGRATION },
      });
      req.on('continue', () => {
        req.write(body.slice(0, 100));
        received = true;
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.flushHeaders();
      sendRest = () => req.end(body.slice(100));
    });
    slow.catch(() => {}); // awaited below; a failure is asserted there, not reported early
    await waitUntil(() => received, 'the server holding the slow request', { intervalMs: 10 });

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    await waitUntil(() => out.includes('SIGTERM: stopping'), 'the server saying it stops', { intervalMs: 10 });

    // Streams end, each with a reconnect hint as its last message.
    await Promise.all(streams.map((s) => s.ended));
    for (const s of streams) {
      const last = s.messages[s.messages.length - 1]!;
      assert.equal(last.event, 'retry');
      assert.equal(last.comment, 'server stopping, reconnect');
      assert.ok(last.retry! >= 500 && last.retry! <= 2_500, `retry ${last.retry}`);
    }
    // No new connections.
    await assert.rejects(fetch(`${url}/api/v1/health`));
    // The in-flight request still completes and is acknowledged.
    sendRest();
    const slowRes = await slow;
    assert.equal(slowRes.status, 200, slowRes.text);
    assert.deepEqual(JSON.parse(slowRes.text), { accepted: 100, duplicates: 0 });
    acknowledged.push(...slowEvents.map((e) => e.id));

    const { code, at } = await exited;
    stop = true;
    await Promise.all(load);
    assert.equal(code, 0, out);
    assert.ok(at - signalledAt < BOUND_S * 1000, `exited ${at - signalledAt} ms after SIGTERM`);
    assert.match(out, /Stopped in/);

    // After the stop, before any restart: every acknowledged event is in the database, its history
    // written (no catch-up left for the next start) and the floor saved through it.
    const store = await openStore(readConfig(env));
    try {
      const value = async <T>(query: SQL) => Object.values((await store.get<Record<string, T>>(query))!)[0]!;
      const stored = new Set((await store.all<{ id: string }>(sql`select id from events`)).map((e) => e.id));
      const missing = acknowledged.filter((id) => !stored.has(id));
      assert.deepEqual(missing.slice(0, 5), [], `${missing.length} of ${acknowledged.length} acknowledged events missing`);
      const lastSeq = await value<number>(sql`select max(seq) as s from events`);
      assert.equal(Number(await value(sql`select value from rollup_meta where key = 'history_through'`)), lastSeq);
      assert.equal(await value(sql`select last_seq from floor_snapshots`), lastSeq);
      assert.equal(await value(sql`select count(*) as n from calls where id like 'slow-%' and outcome = 'abandoned'`), 50);
    } finally {
      await store.close();
    }

    // And a restarted server serves them.
    server = await startServerProcess(env);
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...INTEGRATION },
      body: JSON.stringify({ events: slowEvents }),
    });
    assert.deepEqual(await res.json(), { accepted: 0, duplicates: 100 });
  });
});
