import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../../server/wiring/env.js';
import { WAIT_MS } from '../support/wait-until.js';
import { startHarness, type Harness } from './harness.js';
import type { FloorSnapshot } from '../../contract/stream.js';
import { openSse, type SseMessage } from './sse-reader.js';

const frame = (m: SseMessage) => JSON.parse(m.data) as FloorSnapshot;

type Json = Record<string, any>;

const configError = (env: Record<string, string>): string => {
  try {
    readConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail('the configuration was accepted');
};

describe('FLOORVIEW_PLATFORM', () => {
  it('is the simulator by default, and a platform posting events when the simulator is off (its older spelling)', () => {
    assert.equal(readConfig({}).FLOORVIEW_PLATFORM, 'simulator');
    assert.equal(readConfig({ FLOORVIEW_SIMULATOR: 'off' }).FLOORVIEW_PLATFORM, 'webhook');
    assert.equal(readConfig({ FLOORVIEW_PLATFORM: 'webhook', FLOORVIEW_SIMULATOR: 'off' }).FLOORVIEW_PLATFORM, 'webhook');
  });

  it('refuses a simulator setting that contradicts the platform', () => {
    assert.match(configError({ FLOORVIEW_PLATFORM: 'asterisk', FLOORVIEW_SIMULATOR: 'on', FLOORVIEW_AMI_URL: 'tcp://u:s@pbx:5038' }), /FLOORVIEW_SIMULATOR: on contradicts FLOORVIEW_PLATFORM=asterisk/);
  });

  it('needs a complete AMI URL for Asterisk', () => {
    assert.match(configError({ FLOORVIEW_PLATFORM: 'asterisk' }), /FLOORVIEW_AMI_URL: required with FLOORVIEW_PLATFORM=asterisk/);
    assert.match(configError({ FLOORVIEW_PLATFORM: 'asterisk', FLOORVIEW_AMI_URL: 'tcp://pbx:5038' }), /FLOORVIEW_AMI_URL: must name the AMI user, its secret and the host/);
    assert.match(configError({ FLOORVIEW_PLATFORM: 'asterisk', FLOORVIEW_AMI_URL: 'http://u:s@pbx:5038' }), /FLOORVIEW_AMI_URL: must be tcp:\/\/user:secret@host:5038/);
  });

  it('sends commands to a webhook only when the platform is one', () => {
    assert.match(
      configError({ FLOORVIEW_COMMAND_WEBHOOK: 'http://pbx.example/commands', FLOORVIEW_COMMAND_WEBHOOK_SECRET: 'webhook-shared-secret-0001' }),
      /FLOORVIEW_COMMAND_WEBHOOK: commands go to a webhook only with FLOORVIEW_PLATFORM=webhook \(the platform is simulator\)/,
    );
  });
});

describe('the platform’s connection status', () => {
  let h: Harness;
  // A platform that takes no commands: every one it is sent fails.
  const down = createServer((_req, res) => res.writeHead(503).end('maintenance'));

  before(async () => {
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(down.address() as AddressInfo).port}/commands`;
    h = await startHarness({ stream: { tickMs: 20 }, env: { FLOORVIEW_COMMAND_WEBHOOK: url, FLOORVIEW_COMMAND_WEBHOOK_SECRET: 'webhook-shared-secret-0001' } });
    await h.listen();
  });
  after(async () => {
    await h.close();
    down.close();
  });

  const health = async () => ((await (await h.get('/api/v1/health')).json()) as Json).platform as Json;

  it('is in /health: which platform, connected since the start, no error yet', async () => {
    const status = await health();
    assert.deepEqual([status.platform, status.state, status.lastError], ['webhook', 'connected', null]);
    assert.ok(Date.parse(status.since) <= Date.now());
  });

  it('keeps the reason a webhook platform did not take a command', async () => {
    const sam = await h.login('sam');
    await h.events({ id: 'in-1', type: 'agent.signed_in', at: new Date().toISOString(), agentId: 'a-1' });
    const res = await h.post('/api/v1/agents/a-1/state', { state: 'available' }, sam);
    assert.equal(res.status, 502);
    const status = await health();
    assert.equal(status.state, 'connected');
    assert.match(status.lastError, /refused the command \(HTTP 503\): maintenance/);
  });

  it('is in every snapshot of the stream, and a change is pushed to every viewer', async () => {
    const ava = await h.login('ava');
    const s = await openSse(`${h.url}/api/v1/stream`, ava);
    const snap = frame(await s.next((m) => m.event === 'snapshot'));
    assert.equal(snap.platform?.state, 'connected');
    const seen = s.messages.length;
    h.services.platform.status.set('reconnecting', 'connection to 192.0.2.1:5038 lost');
    const delta = frame(await s.next((m) => m.event === 'delta' && m.data.includes('"platform"'), WAIT_MS, seen));
    assert.deepEqual([delta.platform?.state, delta.platform?.lastError], ['reconnecting', 'connection to 192.0.2.1:5038 lost']);
    assert.deepEqual([(await health()).state, (await health()).since], ['reconnecting', delta.platform?.since]);
    s.close();
  });

  it('reaches a stream that resumes after missing the change', async () => {
    const ava = await h.login('ava');
    const first = await openSse(`${h.url}/api/v1/stream`, ava);
    const lastId = (await first.next((m) => m.event === 'snapshot')).id!;
    first.close();
    h.services.platform.status.set('connected');
    // Into a tick now, so the change is among what the resumed stream missed.
    h.services.hub.tick();
    const resumed = await openSse(`${h.url}/api/v1/stream`, { ...ava, 'last-event-id': lastId });
    const message = await resumed.next((m) => m.event === 'delta' || m.event === 'snapshot');
    assert.equal(message.event, 'delta', 'resumed, not started again');
    assert.equal(frame(message).platform?.state, 'connected');
    resumed.close();
  });
});
