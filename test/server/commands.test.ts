import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { SupervisorCommand } from '../../server/commands/command.js';
import { eventFactory, startHarness, type Harness } from './harness.js';

const SECRET = 'webhook-shared-secret-0001';

/**
 * Stands in for the telephony platform (outside the product): verifies the
 * signature, records the command, and confirms it the way a platform would,
 * by posting events back.
 */
function fakePlatform(confirm: (cmd: SupervisorCommand) => object[] | null) {
  const received: SupervisorCommand[] = [];
  let refuse = false;
  let h: Harness | null = null;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const expected = createHmac('sha256', SECRET).update(`${req.headers['x-floorview-timestamp']}.${body}`).digest('hex');
      if (req.headers['x-floorview-signature'] !== `sha256=${expected}`) {
        res.writeHead(401).end('bad signature');
        return;
      }
      const cmd = JSON.parse(body) as SupervisorCommand;
      received.push(cmd);
      if (refuse) {
        res.writeHead(500).end('agent phone offline');
        return;
      }
      // Confirm before answering, so the effect is on the floor when the command call returns.
      const events = confirm(cmd);
      if (events && h) await h.events(...events);
      res.writeHead(204).end();
    });
  });
  return {
    received,
    server,
    attach: (harness: Harness) => (h = harness),
    refuseNext: (v: boolean) => (refuse = v),
    listen: () => new Promise<string>((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as { port: number }).port}/commands`))),
  };
}

describe('supervisor commands', () => {
  const ev = eventFactory(Date.now() - 30 * 60_000);
  const now = () => new Date().toISOString();
  let n = 0;
  const platform = fakePlatform((cmd) => {
    const base = { id: `p-${++n}`, at: now(), agentId: cmd.agentId };
    switch (cmd.kind) {
      case 'set_state':
        return [{ ...base, type: 'agent.state_changed', state: cmd.state, ...(cmd.reason ? { reason: cmd.reason } : {}) }];
      case 'sign_out':
        return [{ ...base, type: 'agent.signed_out' }];
      case 'join_queue':
        return [{ ...base, type: 'agent.queue_joined', queueId: cmd.queueId }];
      case 'leave_queue':
        return [{ ...base, type: 'agent.queue_left', queueId: cmd.queueId }];
      case 'monitor':
        return [{ ...base, type: 'monitor.started', callId: cmd.callId, supervisorId: cmd.supervisorId, mode: cmd.mode }];
      case 'end_monitor':
        return [{ ...base, type: 'monitor.ended', supervisorId: cmd.supervisorId }];
    }
  });
  let h: Harness;
  let ava: Record<string, string>;
  let ben: Record<string, string>;
  let sam: Record<string, string>;
  const row = async (agentId: string, who = sam) =>
    (await (await h.get(`/api/v1/agents/${agentId}`, who)).json()) as {
      state: string;
      stateReason: string | null;
      queues: { queueId: string; joined: boolean }[];
      monitoredBy: { supervisorId: string; mode: string } | null;
    };
  const command = (method: string, path: string, who: Record<string, string>, body?: unknown) =>
    h.app.request(`/api/v1/agents/${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...who },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  before(async () => {
    const url = await platform.listen();
    h = await startHarness({ env: { FLOORVIEW_COMMAND_WEBHOOK: url, FLOORVIEW_COMMAND_WEBHOOK_SECRET: SECRET } });
    platform.attach(h);
    [ava, ben, sam] = await Promise.all([h.login('ava'), h.login('ben'), h.login('sam')]);
    await h.events(
      ...['a-1', 'a-2', 'a-3', 'a-4'].flatMap((agentId, i) => [
        ev('agent.signed_in', i, { agentId }),
        ev('agent.state_changed', 5, { agentId, state: 'available' }),
      ]),
      ev('agent.queue_joined', 6, { agentId: 'a-4', queueId: 'q-sales' }),
      ev('call.queued', 10, { callId: 'call-1', queueId: 'q-sales' }),
      ev('call.offered', 11, { callId: 'call-1', agentId: 'a-4' }),
      ev('call.answered', 13, { callId: 'call-1', agentId: 'a-4' }),
    );
  });
  after(async () => {
    await h.close();
    platform.server.close();
  });

  it('sends a signed command to the platform and shows the confirmed effect', async () => {
    const res = await command('POST', 'a-1/state', ava, { state: 'unavailable', reason: 'Coaching' });
    assert.equal(res.status, 202);
    assert.ok(((await res.json()) as { commandId: string }).commandId);
    const sent = platform.received.at(-1)!;
    assert.deepEqual([sent.kind, sent.agentId, sent.supervisorId], ['set_state', 'a-1', 's-ava']);
    assert.deepEqual([(await row('a-1')).state, (await row('a-1')).stateReason], ['unavailable', 'Coaching']);
  });

  it('refuses a state the agent already has, and commands to a signed-out agent', async () => {
    const same = await command('POST', 'a-1/state', ava, { state: 'unavailable', reason: 'Coaching' });
    assert.equal(same.status, 409);
    assert.equal((await errorOf(same)).code, 'no_change');
    assert.equal((await command('POST', 'a-2/sign-out', ava)).status, 202);
    assert.equal((await row('a-2')).state, 'signed_out');
    const again = await command('POST', 'a-2/sign-out', ava);
    assert.equal(again.status, 409);
    assert.match((await errorOf(again)).message, /signed out/);
    assert.equal((await command('POST', 'a-2/state', ava, { state: 'available' })).status, 409);
  });

  it('joins and leaves assigned queues within scope only', async () => {
    assert.equal((await command('PUT', 'a-1/queues/q-sales', ava)).status, 202);
    assert.deepEqual((await row('a-1', ava)).queues, [{ queueId: 'q-sales', joined: true }]);
    assert.equal((await errorOf(await command('PUT', 'a-1/queues/q-sales', ava))).code, 'already_joined');
    assert.equal((await command('DELETE', 'a-1/queues/q-sales', ava)).status, 202);
    assert.deepEqual((await row('a-1', ava)).queues, [{ queueId: 'q-sales', joined: false }]);
    // a-4 is in both queues; Ava supervises only Sales.
    assert.equal((await command('PUT', 'a-4/queues/q-support', ava)).status, 403);
    assert.equal((await errorOf(await command('PUT', 'a-1/queues/q-support', sam))).code, 'not_assigned');
    assert.equal((await command('PUT', 'a-1/queues/q-nowhere', sam)).status, 404);
  });

  it('refuses agents outside the supervisor’s scope, unknown agents, and display tokens', async () => {
    const outside = await command('POST', 'a-3/state', ava, { state: 'unavailable' });
    assert.equal(outside.status, 403);
    assert.equal((await errorOf(outside)).code, 'forbidden');
    assert.equal((await h.get('/api/v1/agents/a-3', ava)).status, 403);
    const ids = ((await (await h.get('/api/v1/agents', ava)).json()) as { agents: { agentId: string }[] }).agents.map((a) => a.agentId);
    assert.deepEqual(ids.sort(), ['a-1', 'a-2', 'a-4']);
    assert.equal((await command('POST', 'a-404/state', sam, { state: 'available' })).status, 404);
    assert.equal((await command('POST', 'a-3/sign-out', { authorization: 'Bearer test-display-secret-0001' })).status, 403);
  });

  it('validates command bodies field by field', async () => {
    const res = await command('POST', 'a-1/state', ava, { state: 'napping', extra: 1 });
    assert.equal(res.status, 400);
    const err = (await res.json()) as { error: { fields: Record<string, string> } };
    assert.ok(err.error.fields.state);
    assert.equal((await command('POST', 'a-1/monitor', ava, { mode: 'spy' })).status, 400);
  });

  it('monitors only an agent on a call, one supervisor at a time, with mode changes and an end', async () => {
    const idle = await command('POST', 'a-1/monitor', ava, { mode: 'monitor' });
    assert.equal(idle.status, 409);
    assert.equal((await errorOf(idle)).code, 'not_on_call');

    assert.equal((await command('POST', 'a-4/monitor', sam, { mode: 'monitor' })).status, 202);
    assert.deepEqual((await row('a-4')).monitoredBy?.mode, 'monitor');
    const taken = await command('POST', 'a-4/monitor', ava, { mode: 'barge' });
    assert.equal(taken.status, 409);
    assert.match((await errorOf(taken)).message, /Sam is already monitoring/);

    assert.equal((await command('POST', 'a-4/monitor', sam, { mode: 'coach' })).status, 202);
    assert.equal((await row('a-4')).monitoredBy?.mode, 'coach');
    assert.equal((await command('POST', 'a-4/monitor', sam, { mode: 'monitor' })).status, 202, 'return to monitor');
    assert.equal((await errorOf(await command('DELETE', 'a-4/monitor', ava))).code, 'not_monitoring');
    assert.equal((await command('DELETE', 'a-4/monitor', sam)).status, 202);
    assert.equal((await row('a-4')).monitoredBy, null);
  });

  it('holds a call for the first supervisor until the platform confirms, so two cannot both monitor', async () => {
    platform.refuseNext(false);
    const before = platform.received.length;
    const [first, second] = await Promise.all([
      command('POST', 'a-4/monitor', sam, { mode: 'monitor' }),
      command('POST', 'a-4/monitor', ava, { mode: 'monitor' }),
    ]);
    assert.deepEqual([first.status, second.status].sort(), [202, 409]);
    assert.equal(platform.received.length, before + 1);
    await command('DELETE', 'a-4/monitor', first.status === 202 ? sam : ava);
  });

  it('reports the platform’s refusal as 502 and audits every attempt', async () => {
    platform.refuseNext(true);
    const res = await command('POST', 'a-1/state', ava, { state: 'available' });
    platform.refuseNext(false);
    assert.equal(res.status, 502);
    assert.match((await errorOf(res)).message, /agent phone offline/);

    const mine = (await (await h.get('/api/v1/audit?limit=50', ava)).json()) as {
      entries: { supervisorId: string; action: string; outcome: string; agentId: string; message: string | null }[];
    };
    assert.ok(mine.entries.every((e) => e.supervisorId === 's-ava'));
    assert.deepEqual(
      [mine.entries[0]!.action, mine.entries[0]!.outcome, mine.entries[0]!.agentId],
      ['set_state', 'failed', 'a-1'],
    );
    assert.ok(mine.entries.some((e) => e.outcome === 'refused' && e.action === 'monitor'));
    assert.ok(mine.entries.some((e) => e.outcome === 'sent' && e.action === 'join_queue'));

    const all = (await (await h.get('/api/v1/audit?limit=200', sam)).json()) as { entries: { supervisorId: string }[] };
    assert.ok(new Set(all.entries.map((e) => e.supervisorId)).size >= 2, 'the admin reads everyone’s entries');
    assert.equal((await h.get('/api/v1/audit?supervisor=s-sam', ben)).status, 403);
  });
});

describe('supervisor commands with no platform connected', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('answers a valid command with 503 and a clear message', async () => {
    const ev = eventFactory();
    await h.events(ev('agent.signed_in', 0, { agentId: 'a-1' }));
    const res = await h.post('/api/v1/agents/a-1/state', { state: 'available' }, await h.login('ava'));
    assert.equal(res.status, 503);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'commands_unavailable');
    assert.match(error.message, /no telephony platform is connected/);
  });
});
