import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { listenOnLoopback } from '../support/server-process.js';
import { DEMO_INTEGRATION_KEY, type E2eRun, startRun, STEP_MS } from './e2e-run.js';

/**
 * Issue 13: cross-site request forgery, proven in the browser rather than with forged headers. A page on
 * another port of 127.0.0.1 is the same site as Floorview, so SameSite=Lax sends the supervisor's
 * cookie with its form posts and fetches; the server's Origin rule must refuse them all. An allowed
 * portal (FLOORVIEW_ALLOWED_ORIGINS) is the control: the same requests from it work, with CORS.
 * The simulator is off and commands go to a recording platform, so nothing moves unless a request
 * was accepted.
 */
describe('cross-site request forgery, in Chromium', () => {
  let run: E2eRun;
  let platform: Server;
  let hostile: Server;
  let portal: Server;
  let hostileOrigin: string;
  let portalOrigin: string;
  let context: BrowserContext;
  let floorview: Page;
  /** Commands the server sent to the telephony platform. */
  const commands: { kind: string; agentId: string }[] = [];

  /** The attacker's page (and the portal's: the same markup): forms with no fields and a credentialed fetch. */
  const attackerPage = () =>
    createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><title>win a prize</title>
         <form id="sign-out-agent" method="post" action="${run.server.url}/api/v1/agents/a-001/sign-out"><button>Claim your prize</button></form>
         <form id="logout" method="post" action="${run.server.url}/api/v1/auth/logout"><button>Claim another</button></form>
         <script>
           window.post = async (path) => {
             try {
               const res = await fetch('${run.server.url}' + path, { method: 'POST', credentials: 'include', body: new URLSearchParams() });
               return res.status;
             } catch (e) {
               return e.name;
             }
           };
         </script>`,
      );
    });

  before(async () => {
    platform = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        commands.push(JSON.parse(body) as { kind: string; agentId: string });
        res.writeHead(204).end();
      });
    });
    const platformUrl = await listenOnLoopback(platform);
    hostile = attackerPage();
    portal = attackerPage();
    hostileOrigin = await listenOnLoopback(hostile);
    portalOrigin = await listenOnLoopback(portal);
    run = await startRun('csrf', 'floorview.js', {
      FLOORVIEW_SIMULATOR: 'off',
      FLOORVIEW_ALLOWED_ORIGINS: portalOrigin,
      FLOORVIEW_COMMAND_WEBHOOK: `${platformUrl}/commands`,
      FLOORVIEW_COMMAND_WEBHOOK_SECRET: 'webhook-shared-secret-0001',
    });
    const signedIn = await fetch(`${run.server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_INTEGRATION_KEY}` },
      body: JSON.stringify({
        events: ['a-001', 'a-002'].map((agentId) => ({ id: `csrf-e2e-${agentId}`, type: 'agent.signed_in', at: new Date().toISOString(), agentId })),
      }),
    });
    assert.equal(signedIn.status, 200);
    context = await run.browser.newContext();
    context.setDefaultTimeout(STEP_MS);
    floorview = await context.newPage();
  });

  after(async () => {
    await run?.stop();
    for (const s of [platform, hostile, portal]) s?.close();
  });

  /** Asked from Floorview's own page, with the supervisor's cookie: what a refused forgery must leave untouched. */
  const floorState = () =>
    floorview.evaluate(async () => {
      const [me, agent, audit] = await Promise.all(
        ['/api/v1/auth/me', '/api/v1/agents/a-001', '/api/v1/audit?limit=200'].map(async (path) => {
          const res = await fetch(path);
          return { status: res.status, body: res.ok ? await res.json() : null };
        }),
      );
      return { signedIn: me!.status === 200, agentState: agent!.body?.state as string | undefined, audited: (audit!.body?.entries ?? []).length as number };
    });

  /** Submits one of the page's forms as a lured click would, and returns the server's answer to it. */
  const submit = async (page: Page, form: string, path: string) => {
    const answer = page.waitForResponse((r) => r.url() === `${run.server.url}${path}` && r.request().method() === 'POST');
    await page.locator(`#${form} button`).click();
    return answer;
  };

  it('signs the supervisor in on Floorview’s own page: a cookie session', async () => {
    await floorview.goto(run.server.url);
    await floorview.locator('#sign-in input[name=email]').fill('admin@example.com');
    await floorview.locator('#sign-in input[name=password]').fill('floorview-demo');
    await floorview.locator('#sign-in button[type=submit]').click();
    await floorview.locator('#who').waitFor({ state: 'visible' });
    const cookie = (await context.cookies(run.server.url)).find((c) => c.name === 'fv_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie.sameSite, 'Lax');
    assert.deepEqual(await floorState(), { signedIn: true, agentState: 'unavailable', audited: 0 });
  });

  it('refuses form posts from another origin of the same site, though the browser sends the cookie', async () => {
    const page = await context.newPage();
    for (const [form, path] of [
      ['sign-out-agent', '/api/v1/agents/a-001/sign-out'],
      ['logout', '/api/v1/auth/logout'],
    ] as const) {
      await page.goto(hostileOrigin);
      const res = await submit(page, form, path);
      const sent = await res.request().allHeaders();
      assert.match(sent.cookie ?? '', /fv_session=/, 'same site: SameSite=Lax lets the cookie go with the post');
      assert.equal(sent.origin, hostileOrigin);
      assert.equal(sent['content-type'], 'application/x-www-form-urlencoded');
      assert.equal(res.request().postData() ?? '', '', 'an empty body');
      assert.equal(res.status(), 403, path);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'cross_origin_request');
    }
    await page.close();
    assert.deepEqual(await floorState(), { signedIn: true, agentState: 'unavailable', audited: 0 }, 'the agent still signed in, nothing audited, the session still works');
    assert.deepEqual(commands, [], 'nothing reached the platform');
  });

  it('refuses a credentialed fetch from another origin of the same site', async () => {
    const page = await context.newPage();
    await page.goto(hostileOrigin);
    for (const path of ['/api/v1/agents/a-001/sign-out', '/api/v1/auth/logout']) {
      // The request goes out (a form-encoded POST needs no preflight); the refusal carries no CORS
      // headers, so the page cannot read it and Chromium reports the request failed. What the server
      // did is read below, from Floorview's own page.
      const failed = page.waitForEvent('requestfailed', (r) => r.url() === `${run.server.url}${path}`);
      assert.equal(await page.evaluate((p) => (window as unknown as { post(p: string): Promise<number | string> }).post(p), path), 'TypeError');
      const request = await failed;
      assert.equal(request.method(), 'POST');
      assert.ok(request.failure(), 'blocked by CORS after the server answered');
    }
    await page.close();
    assert.deepEqual(await floorState(), { signedIn: true, agentState: 'unavailable', audited: 0 });
    assert.deepEqual(commands, []);
  });

  it('accepts the same fetches from an allowed portal, which reads the answers through CORS', async () => {
    const page = await context.newPage();
    await page.goto(portalOrigin);
    const post = (p: string) => page.evaluate((path) => (window as unknown as { post(p: string): Promise<number | string> }).post(path), p);
    assert.equal(await post('/api/v1/agents/a-002/sign-out'), 202);
    assert.deepEqual(commands.map((c) => [c.kind, c.agentId]), [['sign_out', 'a-002']], 'the platform got the one command');
    assert.equal((await floorState()).audited, 1, 'the accepted sign-out is audited');
    assert.equal(await post('/api/v1/auth/logout'), 204);
    await page.close();
    assert.equal((await floorState()).signedIn, false, 'the portal signed the supervisor out with the cookie');
  });
});
