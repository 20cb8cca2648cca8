import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Alert } from '../../contract/alerts.js';
import { scopeOf } from '../../server/auth/principal.js';
import { listenOnLoopback } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { centre, DISPLAY, INTEGRATION, startHarness, type Harness } from './harness.js';
import { openSse, type SseMessage, type SseReader } from './sse-reader.js';

type Headers = Record<string, string>;

/**
 * Alerts on a scripted morning, the clock driven by the test: Support alerted at 2 waiting,
 * an agent at 60 s on hold and at 2 unanswered rings in an hour; raised after 10 s, cleared
 * after 60 s. Ben supervises Support, Ava Sales, Sam both; the wallboard shows Support.
 */
const RULES = {
  queue: { waitingAtLeast: 2, serviceLevelBelow: null, longestWaitAtLeastSeconds: null, agentsShortAtLeast: null },
  agent: { holdAtLeastSeconds: 60, unavailableAtLeastSeconds: null, wrapupAtLeastSeconds: null, ringNoAnswerPerHourAtLeast: 2 },
  raiseAfterSeconds: 10,
  clearAfterSeconds: 60,
};
const withRules = { ...centre, alerts: RULES };
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;

describe('alerts', () => {
  let h: Harness;
  let now = T0;
  let n = 0;
  const who: Record<'ava' | 'ben' | 'sam', Headers> = { ava: {}, ben: {}, sam: {} };
  const at = (t: number) => new Date(t).toISOString();
  const ev = (type: string, fields: object) => ({ id: `al-${++n}`, type, at: at(now), ...fields });
  /** Moves the clock on and lets the service evaluate, as its timer would. */
  const tick = async (seconds: number) => {
    now += seconds * 1000;
    await h.services.alerts.evaluate();
  };
  const open = async (headers: Headers) => ((await (await h.get('/api/v1/alerts', headers)).json()) as { alerts: Alert[] }).alerts;
  const history = async (headers: Headers) =>
    ((await (await h.get(`/api/v1/alerts?from=${encodeURIComponent(at(T0 - 60_000))}&to=${encodeURIComponent(at(now + 60_000))}`, headers)).json()) as { alerts: Alert[] })
      .alerts;
  const alertsIn = (s: SseReader) => s.messages.filter((m) => m.event === 'delta').flatMap((m) => (JSON.parse(m.data) as { alerts?: Alert[] }).alerts ?? []);
  const carries = (pred: (a: Alert) => boolean) => (m: SseMessage) => m.event === 'delta' && ((JSON.parse(m.data) as { alerts?: Alert[] }).alerts ?? []).some(pred);

  before(async () => {
    h = await startHarness({ centre: withRules, clock: () => now, stream: { tickMs: 20, heartbeatMs: 1_000 } });
    await h.listen();
    for (const name of ['ava', 'ben', 'sam'] as const) who[name] = await h.login(name);
    await h.events(...['a-1', 'a-3'].map((agentId) => ev('agent.signed_in', { agentId })));
  });
  after(() => h.close());

  it('raises a queue alert once its condition has held for 10 s, only to the supervisors and wallboards of that queue', async () => {
    const streams = { ava: await openSse(`${h.url}/api/v1/stream`, who.ava), ben: await openSse(`${h.url}/api/v1/stream`, who.ben) };
    await h.events(ev('call.queued', { callId: 'c-1', queueId: 'q-support' }), ev('call.queued', { callId: 'c-2', queueId: 'q-support' }));
    await tick(0);
    await tick(9);
    assert.deepEqual(await open(who.ben), [], 'not before 10 s');
    await tick(1);
    const [alert, ...more] = await open(who.ben);
    assert.equal(more.length, 0);
    assert.deepEqual(
      { rule: alert!.rule, queueId: alert!.queueId, queueName: alert!.queueName, threshold: alert!.threshold, value: alert!.value, raisedAt: alert!.raisedAt, clearedAt: alert!.clearedAt, acknowledged: alert!.acknowledged },
      { rule: 'waitingAtLeast', queueId: 'q-support', queueName: 'Support', threshold: 2, value: 2, raisedAt: at(now), clearedAt: null, acknowledged: null },
    );
    assert.deepEqual((await open(who.sam)).map((a) => a.id), [alert!.id], 'Sam supervises Support too');
    assert.deepEqual(await open(who.ava), [], 'Ava supervises Sales only');
    assert.deepEqual((await open(DISPLAY)).map((a) => a.id), [alert!.id], 'the Support wallboard');

    await streams.ben.next(carries((a) => a.id === alert!.id));
    // Ava's stream has had later frames than Ben's alert and none carried it.
    await h.events(ev('agent.state_changed', { agentId: 'a-1', state: 'available' }));
    await streams.ava.next((m) => m.event === 'delta' && m.data.includes('"a-1"'));
    assert.deepEqual(alertsIn(streams.ava), []);
    streams.ava.close();
    streams.ben.close();
  });

  it('does not flap: a figure dipping under its limit and back keeps one alert, cleared 60 s after it settles', async () => {
    await h.events(ev('call.ended', { callId: 'c-2', by: 'caller' }));
    await tick(0);
    await tick(30);
    assert.equal((await open(who.ben)).length, 1, 'one waiting for 30 s: still open');
    await h.events(ev('call.queued', { callId: 'c-3', queueId: 'q-support' }));
    await tick(5);
    await h.events(ev('call.ended', { callId: 'c-3', by: 'caller' }));
    await tick(0);
    await tick(59);
    assert.equal((await open(who.ben)).length, 1, 'back at the limit for a moment: the 60 s start again');
    await tick(1);
    assert.deepEqual(await open(who.ben), []);
    const raised = (await history(who.ben)).filter((a) => a.rule === 'waitingAtLeast');
    assert.equal(raised.length, 1, 'one alert in the history');
    assert.equal(raised[0]!.clearedAt, at(now));
  });

  it('is acknowledged once for everyone, by a supervisor of its scope; a wallboard cannot', async () => {
    await h.events(ev('call.queued', { callId: 'c-4', queueId: 'q-support' }), ev('call.queued', { callId: 'c-5', queueId: 'q-support' }));
    await tick(0);
    await tick(10);
    const [alert] = await open(who.sam);
    const sam = await openSse(`${h.url}/api/v1/stream`, who.sam);
    assert.equal((await h.post(`/api/v1/alerts/${alert!.id}/ack`, {}, who.ava)).status, 404, 'outside Ava’s scope');
    assert.equal((await h.post(`/api/v1/alerts/${alert!.id}/ack`, {}, DISPLAY)).status, 403);
    assert.equal((await h.post('/api/v1/alerts/999999/ack', {}, who.ben)).status, 404);
    const byBen = await h.post(`/api/v1/alerts/${alert!.id}/ack`, {}, who.ben);
    assert.equal(byBen.status, 200);
    const acked = ((await byBen.json()) as { alert: Alert }).alert;
    assert.deepEqual(acked.acknowledged, { supervisorId: 's-ben', supervisorName: 'Ben', at: at(now) });
    await sam.next(carries((a) => a.id === alert!.id && a.acknowledged?.supervisorId === 's-ben'));
    sam.close();
    now += 1_000;
    const again = ((await (await h.post(`/api/v1/alerts/${alert!.id}/ack`, {}, who.sam)).json()) as { alert: Alert }).alert;
    assert.deepEqual(again.acknowledged, acked.acknowledged, 'the first acknowledgement stands');
    assert.deepEqual((await open(who.sam))[0]!.acknowledged, acked.acknowledged);
  });

  it('raises agent alerts: on hold too long, and rings left unanswered twice in an hour', async () => {
    await h.events(ev('call.offered', { callId: 'c-4', agentId: 'a-3' }), ev('call.answered', { callId: 'c-4', agentId: 'a-3' }), ev('call.held', { callId: 'c-4' }));
    await tick(59);
    await tick(1);
    assert.ok(!(await open(who.ben)).some((a) => a.rule === 'holdAtLeastSeconds'), 'at 60 s the condition starts; the alert 10 s later');
    await tick(10);
    const hold = (await open(who.ben)).find((a) => a.rule === 'holdAtLeastSeconds')!;
    assert.deepEqual([hold.agentId, hold.agentName, hold.threshold, hold.value], ['a-3', 'Olivia Smith', 60, 70]);
    assert.ok(!(await open(who.ava)).some((a) => a.agentId === 'a-3'), 'a-3 is in Support only');
    assert.ok(!(await open(DISPLAY)).some((a) => a.agentId !== null), 'a wallboard gets its queues’ alerts, not its agents’');

    for (const callId of ['c-6', 'c-7']) {
      await h.events(ev('call.queued', { callId, queueId: 'q-sales' }), ev('call.offered', { callId, agentId: 'a-1' }));
      now += 15_000;
      await h.events(ev('call.bounced', { callId, agentId: 'a-1' }), ev('call.ended', { callId, by: 'caller' }));
    }
    await tick(0);
    await tick(10);
    const rings = (await open(who.ava)).find((a) => a.rule === 'ringNoAnswerPerHourAtLeast')!;
    assert.deepEqual([rings.agentId, rings.value], ['a-1', 2]);
  });

  it('lets an agent raise a hand from the desk: the supervisors of their queues see it at once, the desk sees it acknowledged', async () => {
    const desk = async (agentId: string) => ({
      authorization: `Bearer ${((await (await h.post(`/api/v1/agents/${agentId}/desk-token`, {}, INTEGRATION)).json()) as { token: string }).token}`,
    });
    const olivia = await desk('a-3');
    const deskStream = await openSse(`${h.url}/api/v1/stream`, olivia);
    const raised = await h.post('/api/v1/agents/a-3/hand', { note: 'Caller wants a refund over my limit' }, olivia);
    assert.equal(raised.status, 200);
    const hand = ((await raised.json()) as { alert: Alert }).alert;
    assert.deepEqual([hand.rule, hand.agentId, hand.agentName, hand.note, hand.clearedAt], ['raisedHand', 'a-3', 'Olivia Smith', 'Caller wants a refund over my limit', null]);
    // No evaluation needed: at once, for Support's supervisors only.
    assert.ok((await open(who.ben)).some((a) => a.id === hand.id));
    assert.ok(!(await open(who.ava)).some((a) => a.id === hand.id));
    // Raising again keeps the one hand.
    assert.equal(((await (await h.post('/api/v1/agents/a-3/hand', {}, olivia)).json()) as { alert: Alert }).alert.id, hand.id);
    // Only the agent's own desk raises it.
    assert.equal((await h.post('/api/v1/agents/a-1/hand', {}, olivia)).status, 403);
    assert.equal((await h.post('/api/v1/agents/a-3/hand', {}, who.ben)).status, 403);
    assert.equal((await h.post('/api/v1/agents/a-3/hand', { note: 'a\u202eb' }, olivia)).status, 400);

    await h.post(`/api/v1/alerts/${hand.id}/ack`, {}, who.ben);
    await deskStream.next(carries((a) => a.id === hand.id && a.acknowledged?.supervisorName === 'Ben'));
    const mine = ((await (await h.get('/api/v1/agents/a-3/hand', olivia)).json()) as { alert: Alert }).alert;
    assert.equal(mine.acknowledged?.supervisorId, 's-ben');
    // The hand stays up through the figures' evaluations, until it is lowered.
    await tick(120);
    assert.ok((await open(who.ben)).some((a) => a.id === hand.id));
    const lowered = ((await (await fetch(`${h.url}/api/v1/agents/a-3/hand`, { method: 'DELETE', headers: olivia })).json()) as { alert: Alert }).alert;
    assert.equal(lowered.clearedAt, at(now));
    assert.ok(!(await open(who.ben)).some((a) => a.id === hand.id));
    await deskStream.next(carries((a) => a.id === hand.id && a.clearedAt !== null));
    deskStream.close();

    // Signing out lowers a hand left up.
    await h.post('/api/v1/agents/a-3/hand', {}, olivia);
    await h.events(ev('agent.signed_out', { agentId: 'a-3' }));
    await tick(5);
    assert.equal(((await (await h.get('/api/v1/agents/a-3/hand', olivia)).json()) as { alert: Alert | null }).alert, null);
  });

  it('keeps its alerts across a restart, without raising them again', async () => {
    const before = await history(who.sam);
    const openBefore = (await open(who.sam)).map((a) => a.id).sort();
    await h.close({ keepFiles: true });
    h = await startHarness({ dir: h.dir, centre: withRules, clock: () => now, stream: { tickMs: 20, heartbeatMs: 1_000 } });
    for (const name of ['ava', 'ben', 'sam'] as const) who[name] = await h.login(name);
    await tick(10);
    await tick(10);
    assert.deepEqual((await open(who.sam)).map((a) => a.id).sort(), openBefore);
    assert.equal((await history(who.sam)).length, before.length, 'nothing raised twice');
  });

  it('refuses a bad range and an unknown queue in the rules', async () => {
    const bad = await h.get(`/api/v1/alerts?from=${encodeURIComponent(at(now))}&to=${encodeURIComponent(at(now - 1))}`, who.sam);
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields), ['to']);
    await assert.rejects(startHarness({ centre: { ...withRules, alerts: { queues: { 'q-nowhere': { waitingAtLeast: 1 } } } } }), /alerts\.queues\.q-nowhere: unknown queue/);
    const integration = await h.get('/api/v1/alerts', INTEGRATION);
    assert.equal(integration.status, 401);
  });
});

describe('alerts to a webhook', () => {
  const SECRET = 'alert-webhook-secret-0001';
  let h: Harness;
  let receiver: Server;
  let now = T0;
  const received: { event: string; text: string; alert: Alert; verified: boolean }[] = [];

  before(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const expected = createHmac('sha256', SECRET).update(`${req.headers['x-floorview-timestamp']}.${body}`).digest('hex');
        received.push({ ...(JSON.parse(body) as { event: string; text: string; alert: Alert }), verified: req.headers['x-floorview-signature'] === `sha256=${expected}` });
        res.writeHead(204).end();
      });
    });
    const url = await listenOnLoopback(receiver);
    h = await startHarness({ centre: withRules, clock: () => now, env: { FLOORVIEW_ALERT_WEBHOOK: `${url}/floor-alerts`, FLOORVIEW_ALERT_WEBHOOK_SECRET: SECRET } });
  });
  after(async () => {
    await h.close();
    await new Promise((r) => receiver.close(r));
  });

  it('posts each alert raised, acknowledged and cleared, signed, in order, with a line a chat tool shows', async () => {
    const ev = (type: string, fields: object) => ({ id: `wh-${type}-${Math.random()}`, type, at: new Date(now).toISOString(), ...fields });
    await h.events(ev('call.queued', { callId: 'w-1', queueId: 'q-support' }), ev('call.queued', { callId: 'w-2', queueId: 'q-support' }));
    await h.services.alerts.evaluate();
    now += 10_000;
    await h.services.alerts.evaluate();
    const [raised] = await h.services.alerts.list(scopeOf(['q-support']), 'open');
    const ben = await h.login('ben');
    await h.post(`/api/v1/alerts/${raised!.id}/ack`, {}, ben);
    await h.events(ev('call.ended', { callId: 'w-1', by: 'caller' }));
    await h.services.alerts.evaluate();
    now += 60_000;
    await h.services.alerts.evaluate();
    await waitUntil(() => received.length >= 3, 'three posts');
    assert.deepEqual(
      received.map((r) => [r.event, r.alert.id, r.verified]),
      [
        ['raised', raised!.id, true],
        ['acknowledged', raised!.id, true],
        ['cleared', raised!.id, true],
      ],
    );
    assert.equal(received[0]!.text, 'Alert — Support waitingAtLeast 2 (limit 2)');
    assert.equal(received[1]!.text, 'Acknowledged by Ben — Support waitingAtLeast 2 (limit 2)');
  });
});
