import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { asteriskCallId, asteriskEventId } from '../../server/platforms/asterisk/asterisk-ids.js';
import { INTEGRATION_KEY } from '../support/centre.js';
import { waitUntil } from '../support/wait-until.js';
import { centreEnv, startHarness, type Harness } from './harness.js';

const FIXTURES = 'test/fixtures/queue-log';

/** A FreePBX centre: Li Na is queue member Local/1001@from-queue/n and phone PJSIP/1001; Olivia a callback agent. */
const pbxCentre = {
  queues: [
    { id: 'sales', name: 'Sales', serviceLevelSeconds: 20 },
    { id: 'support', name: 'Support', serviceLevelSeconds: 30 },
  ],
  agents: [
    { id: 'a-1001', name: 'Li Na', members: ['PJSIP/1001', 'Local/1001@from-queue/n'], queues: ['sales'] },
    { id: 'a-1002', name: 'Wang Wei', members: ['PJSIP/1002'], queues: ['sales'] },
    { id: 'a-1003', name: 'Olivia Smith', members: ['Agent/1003'], queues: ['support'] },
  ],
  supervisors: [{ id: 's-sam', name: 'Sam', email: 'sam@example.com', password: 'sam-password', queues: ['sales', 'support'], admin: true }],
  integrationKeys: [{ id: 'pbx', secret: INTEGRATION_KEY }],
};

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the import as `npm run import:queue-log -- …` does; `stop` ends a --follow run with SIGTERM. */
function importQueueLog(args: string[], env: Record<string, string>, stop?: Promise<void>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/wiring/queue-log-cli.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  void stop?.then(() => child.kill('SIGTERM'));
  return new Promise((r) => child.once('exit', (code) => r({ code, out, err })));
}

/** `calls            9` → 9: the summary's figures by their label. */
function figure(out: string, label: string): number {
  const m = new RegExp(`^${label} +(\\d+)`, 'm').exec(out);
  assert.ok(m, `no "${label}" in:\n${out}`);
  return Number(m[1]);
}

async function queueStats(h: Harness, day = '2026-11-02') {
  const res = await h.get(`/api/v1/stats/queues?from=${day}&to=${day}&tz=UTC`, await h.login('sam'));
  assert.equal(res.status, 200);
  return (await res.json()) as { queues: Record<string, number | string>[] };
}

const row = (stats: { queues: Record<string, number | string>[] }, queueId: string) => stats.queues.find((q) => q.queueId === queueId)!;

describe('queue_log import', () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-queue-log-'));
    env = centreEnv(dir, pbxCentre);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the documented format and gives the hand-computed statistics', async () => {
    const run = await importQueueLog(['--file', `${FIXTURES}/classic.queue_log`], env);
    assert.equal(run.code, 0, run.err);
    // 9 calls: C1 C2 C9 answered, C3 C4 abandoned, C5 (timeout) C7 (key) C8 (empty) other, C6 answered in support.
    // Events: C1 6 (queued, offered+bounced at 1002, offered+answered at 1001, ended), C2 4, C3 3 (the ring the
    // caller hung up on is no bounce), C4 2, C5 2, C6 5 (… transferred, ended), C7 2, C8 2, C9 5; 7 member lines.
    assert.equal(figure(run.out, 'lines read'), 32);
    assert.equal(figure(run.out, 'events written'), 38);
    assert.equal(figure(run.out, 'calls'), 9);
    assert.equal(figure(run.out, 'answered'), 4);
    assert.equal(figure(run.out, 'abandoned'), 2);
    assert.equal(figure(run.out, 'lines skipped'), 0);
    assert.match(run.out, /members not in the directory: none/);

    const h = await startHarness({ dir, centre: pbxCentre });
    try {
      const stats = await queueStats(h);
      // Sales, by hand (SPEC §4): 7 calls queued: answered C1 (wait 12 s), C2 (30 s), C9 (15 s); abandoned C3 (40 s), C4 (3 s: short);
      // other C5, C7. avgQueueWait = (12 + 30 + 15) / 3 = 19. serviceLevel = answered within 20 s (C1, C9) ÷ (answered 3 +
      // abandoned after 5 s: C3) = 2 / 4. abandonRate = 2 / 7. Connected: 180 + 60 + 100 = 340 → 113.333 per answered call.
      // handleTime, ring + connected of every presentation: C1 8 (1002's ring) + 4 + 180, C2 5 + 60, C3 10 (rang while the
      // caller gave up), C9 3 + 100 = 370 → 123.333 per answered call.
      const sales = row(stats, 'sales');
      assert.deepEqual(
        { totalCalls: sales.totalCalls, answered: sales.answered, abandoned: sales.abandoned, other: sales.other, queueTime: sales.queueTime },
        { totalCalls: 7, answered: 3, abandoned: 2, other: 2, queueTime: 57 },
      );
      assert.equal(sales.avgQueueWait, 19);
      assert.equal(sales.serviceLevel, 0.5);
      assert.equal(sales.abandonRate, 0.2857); // 2 / 7, as the API rounds shares
      assert.deepEqual(
        { connectedDuration: sales.connectedDuration, avgInboundConnected: sales.avgInboundConnected, handleTime: sales.handleTime, avgHandleTime: sales.avgHandleTime },
        { connectedDuration: 340, avgInboundConnected: 113.333, handleTime: 370, avgHandleTime: 123.333 },
      );
      // Support: C6 answered in 10 s (threshold 30 s), connected 60, ring 2; C8 left an empty queue.
      const support = row(stats, 'support');
      assert.deepEqual(
        { totalCalls: support.totalCalls, answered: support.answered, other: support.other, serviceLevel: support.serviceLevel, avgQueueWait: support.avgQueueWait, handleTime: support.handleTime },
        { totalCalls: 2, answered: 1, other: 1, serviceLevel: 1, avgQueueWait: 10, handleTime: 62 },
      );

      // Per agent × queue: Li Na (as Local/… and as PJSIP/1001) was presented C1, C3, C9; Wang Wei C1 (no answer) and C2.
      const agents = await h.get('/api/v1/stats/agents?from=2026-11-02&to=2026-11-02&tz=UTC', await h.login('sam'));
      const { queueAgents } = (await agents.json()) as { queueAgents: Record<string, number | string>[] };
      const of = (agentId: string) => queueAgents.find((r) => r.agentId === agentId && r.queueId === 'sales')!;
      assert.deepEqual(
        { presented: of('a-1001').presented, answered: of('a-1001').answered, abandoned: of('a-1001').abandoned, totalTalkTime: of('a-1001').totalTalkTime },
        { presented: 3, answered: 2, abandoned: 1, totalTalkTime: 280 },
      );
      assert.deepEqual({ presented: of('a-1002').presented, answered: of('a-1002').answered, bounced: of('a-1002').bounced }, { presented: 2, answered: 1, bounced: 1 });
    } finally {
      await h.close({ keepFiles: true });
    }
  });

  it('changes nothing when the same log is imported again, in either layout', async () => {
    const again = await importQueueLog(['--file', `${FIXTURES}/classic.queue_log`], env);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /events written +0 \(38 already stored\)/);
    // The realtime table's export: a row id, local stamps (Shanghai), data padded to five columns: the same 38 events.
    const export_ = await importQueueLog(['--file', `${FIXTURES}/realtime-export.queue_log`, '--time-zone', 'Asia/Shanghai'], env);
    assert.equal(export_.code, 0, export_.err);
    assert.match(export_.out, /events written +0 \(38 already stored\)/);
    assert.equal(figure(export_.out, 'calls'), 9);
    const h = await startHarness({ dir, centre: pbxCentre });
    try {
      assert.equal(row(await queueStats(h), 'sales').totalCalls, 7);
    } finally {
      await h.close({ keepFiles: true });
    }
  });

  it('skips a call already recorded live over AMI, which would otherwise count twice', async () => {
    const live = mkdtempSync(join(tmpdir(), 'floorview-queue-log-live-'));
    const liveEnv = centreEnv(live, pbxCentre);
    // C1 (lines 5–8), as the AMI adapter recorded it: the same call id, its own event ids.
    const uniqueid = '1793609999.101';
    const callId = asteriskCallId(uniqueid);
    const at = (epoch: number) => new Date(epoch * 1000).toISOString();
    const h = await startHarness({ dir: live, centre: pbxCentre });
    try {
      await h.events(
        { id: asteriskEventId(uniqueid, 'queued', 'sales'), type: 'call.queued', at: at(1793610000), callId, queueId: 'sales', direction: 'inbound' },
        { id: asteriskEventId(uniqueid, 'offered', 'a-1001', 1793610008), type: 'call.offered', at: at(1793610008), callId, agentId: 'a-1001' },
        { id: asteriskEventId(uniqueid, 'answered', 'a-1001'), type: 'call.answered', at: at(1793610012), callId, agentId: 'a-1001' },
        { id: asteriskEventId(uniqueid, 'ended'), type: 'call.ended', at: at(1793610192), callId, by: 'caller' },
      );
    } finally {
      await h.close({ keepFiles: true });
    }
    try {
      const run = await importQueueLog(['--file', `${FIXTURES}/classic.queue_log`], liveEnv);
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /call already recorded live \(over AMI\): 4 \(line 5, 6, 7, 8\)/);
      assert.equal(figure(run.out, 'calls'), 8);
      const after = await startHarness({ dir: live, centre: pbxCentre });
      try {
        // 7 as imported alone: C1 once, from AMI.
        assert.equal(row(await queueStats(after), 'sales').totalCalls, 7);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(live, { recursive: true, force: true });
    }
  });

  it('skips bad lines by reason with their numbers, and writes only whole calls', async () => {
    const run = await importQueueLog(['--file', `${FIXTURES}/messy.queue_log`], env);
    assert.equal(run.code, 0, run.err);
    assert.equal(figure(run.out, 'lines read'), 16);
    // The one whole call (lines 2, 3, 5: its end line before its connect) and nothing of the others.
    assert.equal(figure(run.out, 'calls'), 1);
    assert.equal(figure(run.out, 'answered'), 1);
    assert.equal(figure(run.out, 'events written'), 4);
    const expected = [
      'member not in the directory: 3 (line 8, 9, 10)',
      'queue not in the directory: 2 (line 11, 12)',
      'not a queue_log line (fewer than 5 fields): 1 (line 1)',
      'bad time stamp: 1 (line 4)',
      'unknown event FROBNICATE: 1 (line 7)',
      'duplicate line: 1 (line 6)',
      'truncated last line: 1 (line 16)',
      'refused by ingestion: agent "a-1002" is not assigned to queue "support": 1 (line 13)',
      'call not complete at the end of the file: 1 (line 14)',
    ];
    for (const line of expected) assert.ok(run.out.includes(`  ${line}\n`), `"${line}" in:\n${run.out}`);
    assert.match(run.out, /members not in the directory:\n {2}PJSIP\/9999 \(2 lines\)/);
    assert.match(run.out, /queues not in the directory:\n {2}billing \(2 lines\)/);

    const h = await startHarness({ dir, centre: pbxCentre });
    try {
      // The out-of-order call: queued 0, offered 4 (2 s ring before the connect at 6), answered 6, ended 56.
      const sales = row(await queueStats(h), 'sales');
      assert.deepEqual({ totalCalls: sales.totalCalls, answered: sales.answered, queueTime: sales.queueTime, handleTime: sales.handleTime }, { totalCalls: 8, answered: 4, queueTime: 63, handleTime: 422 });
    } finally {
      await h.close({ keepFiles: true });
    }
  });

  it('says so, and writes nothing, for a file that is not there or a zone that does not exist', async () => {
    const missing = await importQueueLog(['--file', join(dir, 'no-such-queue_log')], env);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no file at .*no-such-queue_log/);
    const zone = await importQueueLog(['--file', `${FIXTURES}/classic.queue_log`, '--time-zone', 'Mars/Olympus'], env);
    assert.equal(zone.code, 2);
    assert.match(zone.err, /unknown time zone "Mars\/Olympus"/);
  });

    it('refuses to write under a running server, and says how to post to it instead', async () => {
    const h = await startHarness({ dir, centre: pbxCentre });
    try {
      const run = await importQueueLog(['--file', `${FIXTURES}/classic.queue_log`], env);
      assert.equal(run.code, 2);
      assert.match(run.err, /open in another process.*--api URL/);
    } finally {
      await h.close({ keepFiles: true });
    }
  });
});

describe('queue_log dry run', () => {
  it('writes nothing and prints a directory skeleton that loads as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'floorview-queue-log-'));
    try {
      // A directory without the PBX's people: every member and queue is missing.
      const env = centreEnv(dir, { queues: [], agents: [] });
      const run = await importQueueLog(['--file', `${FIXTURES}/classic.queue_log`, '--dry-run'], env);
      assert.equal(run.code, 0, run.err);
      assert.equal(existsSync(env.FLOORVIEW_DB!), false, 'a dry run creates no database');
      assert.match(run.out, /queues not in the directory:\n {2}sales \(\d+ lines\)\n {2}support/);
      const skeleton = JSON.parse(/^--- directory ---\n([\s\S]*)\n--- end ---$/m.exec(run.out)![1]!);
      // One agent per person: FreePBX's Local member and the phone of extension 1001 are one.
      assert.deepEqual(skeleton, {
        queues: [
          { id: 'sales', name: 'sales' },
          { id: 'support', name: 'support' },
        ],
        agents: [
          { id: 'a-1001', name: '1001', members: ['Local/1001@from-queue/n', 'PJSIP/1001'], queues: ['sales'] },
          { id: 'a-1002', name: '1002', members: ['PJSIP/1002'], queues: ['sales'] },
          { id: 'a-1003', name: '1003', members: ['Agent/1003'], queues: ['support'] },
        ],
      });

      // Loaded as FLOORVIEW_DIRECTORY, a server starts on it and the import places every line.
      const withSkeleton = centreEnv(dir, skeleton);
      const h = await startHarness({ dir, centre: skeleton });
      await h.close({ keepFiles: true });
      const run2 = await importQueueLog(['--file', `${FIXTURES}/classic.queue_log`], withSkeleton);
      assert.equal(run2.code, 0, run2.err);
      assert.equal(figure(run2.out, 'lines skipped'), 0);
      assert.equal(figure(run2.out, 'calls'), 9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('queue_log --follow', () => {
  it('posts calls to a running server as the log is written, across rotation and truncation', async () => {
    const h = await startHarness({ centre: pbxCentre });
    const url = await h.listen();
    const log = join(h.dir, 'queue_log');
    const lines = readFileSync(`${FIXTURES}/classic.queue_log`, 'utf8').split('\n');
    const call = (id: string) => lines.filter((l) => l.includes(`|${id}|`)).map((l) => `${l}\n`).join('');
    const answered = async () => Number(row(await queueStats(h), 'sales').answered);
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    try {
      writeFileSync(log, '');
      const running = importQueueLog(['--file', log, '--follow', '--api', url], { ...centreEnv(h.dir, pbxCentre), FLOORVIEW_INTEGRATION_SECRET: INTEGRATION_KEY }, stopped);
      appendFileSync(log, call('1793609999.101'));
      await waitUntil(async () => (await answered()) === 1, 'the first call, appended');
      // logrotate: the file is renamed and a new one takes its place.
      renameSync(log, `${log}.1`);
      writeFileSync(log, call('1793610059.103'));
      await waitUntil(async () => (await answered()) === 2, 'a call in the new file after rotation');
      // copytruncate: the same file, emptied, written again from its start.
      copyFileSync(log, `${log}.2`);
      truncateSync(log, 0);
      appendFileSync(log, call('1793610199.106'));
      await waitUntil(async () => Number(row(await queueStats(h), 'sales').abandoned) === 1, 'a call written after truncation');
      stop();
      const run = await running;
      assert.equal(run.code, 0, run.err);
      assert.equal(figure(run.out, 'calls'), 3);
      assert.equal(figure(run.out, 'events written'), 12);
    } finally {
      stop();
      await h.close();
    }
  });
});
