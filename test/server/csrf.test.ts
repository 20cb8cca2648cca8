import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { eventFactory, startHarness, type Harness } from './harness.js';

const PORTAL = 'http://127.0.0.1:1';

/**
 * Issue 13 defect 1: a page on another origin of the same site (another port, a
 * sibling subdomain) can make the browser send the session cookie with a form
 * post. Every unsafe request carried by a cookie must come from this server's
 * own origin or an allowed portal; bearer requests cannot be forged that way.
 */
describe('cross-site request forgery', () => {
  let h: Harness;
  let platform: Server;
  let session: string;
  let own: string;

  before(async () => {
    // A platform that takes every command, so an accepted forgery would reach the audit log.
    platform = createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
    await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
    const port = (platform.address() as { port: number }).port;
    h = await startHarness({
      env: {
        FLOORVIEW_ALLOWED_ORIGINS: PORTAL,
        FLOORVIEW_COMMAND_WEBHOOK: `http://127.0.0.1:${port}/commands`,
        FLOORVIEW_COMMAND_WEBHOOK_SECRET: 'webhook-shared-secret-0001',
      },
    });
    own = await h.listen();
    await h.events(...['a-1', 'a-2'].map((agentId) => eventFactory()('agent.signed_in', 0, { agentId })));
    const res = await fetch(`${own}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: own },
      body: JSON.stringify({ email: 'sam@example.com', password: 'sam-password' }),
    });
    assert.equal(res.status, 200);
    session = /fv_session=[^;]+/.exec(res.headers.get('set-cookie')!)![0];
  });
  after(async () => {
    await h.close();
    platform.close();
  });

  /** A form post as a browser sends it: empty urlencoded body, the session cookie, the page's origin. */
  const form = (path: string, headers: Record<string, string>) =>
    fetch(`${own}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session, ...headers },
      body: '',
    });
  const auditCount = async () => {
    const res = await fetch(`${own}/api/v1/audit?limit=200`, { headers: { cookie: session } });
    assert.equal(res.status, 200);
    return ((await res.json()) as { entries: unknown[] }).entries.length;
  };
  const refusal = async (res: Response) => {
    assert.equal(res.status, 403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'cross_origin_request');
    return body.error.message;
  };

  it('refuses a sign-out posted as a form from another port of the same host, and audits nothing', async () => {
    const before = await auditCount();
    const message = await refusal(await form('/agents/a-1/sign-out', { origin: 'http://127.0.0.1:9', 'sec-fetch-site': 'same-site' }));
    assert.match(message, /http:\/\/127\.0\.0\.1:9/, 'names the refused origin');
    assert.equal(await auditCount(), before);
  });

  it('refuses every unsafe method and content type from another origin, and a request with no origin at all', async () => {
    const hostile = { origin: 'http://evil.localhost:8080' };
    for (const [method, body, type] of [
      ['POST', '{"state":"available"}', 'text/plain'],
      ['PUT', '', 'multipart/form-data; boundary=x'],
      ['DELETE', '', ''],
      ['POST', '{"state":"available"}', 'application/json'],
    ] as const) {
      const res = await fetch(`${own}/api/v1/agents/a-2/${method === 'POST' ? 'state' : 'queues/q-sales'}`, {
        method,
        headers: { cookie: session, ...hostile, ...(type ? { 'content-type': type } : {}) },
        body: body || undefined,
      });
      await refusal(res);
    }
    await refusal(await form('/agents/a-1/sign-out', { origin: 'null' }));
    await refusal(await form('/agents/a-1/sign-out', { 'sec-fetch-site': 'same-site' }));
    await refusal(await form('/agents/a-1/sign-out', { 'sec-fetch-site': 'cross-site' }));
    await refusal(await form('/agents/a-1/sign-out', {}));
  });

  it('refuses a forced sign-out of the supervisor and a forced sign-in (login CSRF)', async () => {
    await refusal(await form('/auth/logout', { origin: 'http://127.0.0.1:9' }));
    assert.equal((await fetch(`${own}/api/v1/auth/me`, { headers: { cookie: session } })).status, 200, 'still signed in');
    const login = await fetch(`${own}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://127.0.0.1:9' },
      body: JSON.stringify({ email: 'ben@example.com', password: 'ben-password' }),
    });
    await refusal(login);
    assert.equal(login.headers.get('set-cookie'), null);
    const display = await fetch(`${own}/api/v1/auth/display-session`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ token: 'test-display-secret-0001' }),
    });
    await refusal(display);
  });

  it('accepts the same request from this server’s own pages and from an allowed portal', async () => {
    const before = await auditCount();
    assert.equal((await form('/agents/a-1/sign-out', { origin: own })).status, 202);
    assert.equal((await form('/agents/a-2/sign-out', { 'sec-fetch-site': 'same-origin' })).status, 202);
    assert.equal(await auditCount(), before + 2, 'the control: an accepted sign-out is audited');
    const state = await fetch(`${own}/api/v1/agents/a-1/state`, {
      method: 'POST',
      headers: { cookie: session, origin: PORTAL, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'available' }),
    });
    assert.notEqual(state.status, 403, await state.clone().text());
  });

  it('leaves bearer requests alone, whatever their origin', async () => {
    const sam = await h.login('sam');
    const res = await fetch(`${own}/api/v1/agents/a-2/sign-out`, { method: 'POST', headers: { ...sam, origin: 'http://127.0.0.1:9' } });
    assert.equal(res.status, 202);
    const ticket = await fetch(`${own}/api/v1/auth/stream-ticket`, { method: 'POST', headers: { ...sam, 'sec-fetch-site': 'cross-site' } });
    assert.equal(ticket.status, 200);
  });
});
