import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.js';
import { listenOnLoopback } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { eventFactory, startHarness, type Harness } from '../server/harness.js';

/**
 * A portal page open for a whole day: `<fv-agent-list>` gets its tokens from the page's
 * `tokenProvider`, the portal's sign-in library as the widgets meet it (here it signs Ava in to
 * the server, whose sessions last an hour). The server's clock is the test's, moved an hour at a
 * time: every token expires, the stream is ended with it, and the list must come back by itself
 * with a fresh token, in Ava's scope, resuming where it left off.
 */
const HOURS = 24;
const HOUR_MS = 3_600_000;

describe('a whole day of token refreshes, end to end', () => {
  let now = Date.now();
  let floorview: Harness;
  let portal: ReturnType<typeof createServer>;
  let browser: Browser;
  let page: Page;
  /** The server's time of each call of the page's tokenProvider. */
  const providerCalls: number[] = [];
  /** Tokens handed to the page (a call's token is in hand only once its sign-in is done). */
  let issued = 0;
  /** Requests the server refused with 401, as `METHOD path`. */
  const refused: string[] = [];
  /** Streams the server opened. */
  let streams = 0;
  const pageErrors: string[] = [];
  let browserLogged401s = 0;

  before(async () => {
    assert.ok(existsSync('dist/widgets/fv-agent-list.js'), 'build the widgets first: npm run build');
    portal = createServer();
    const portalUrl = await listenOnLoopback(portal);
    floorview = await startHarness({ clock: () => now, env: { FLOORVIEW_SESSION_HOURS: '1', FLOORVIEW_ALLOWED_ORIGINS: portalUrl } });
    const serve = floorview.app.fetch;
    floorview.app.fetch = async (request, env, ctx) => {
      const res = await serve(request, env, ctx);
      const route = `${request.method} ${new URL(request.url).pathname}`;
      if (res.status === 401) refused.push(route);
      if (res.status === 200 && route === 'GET /api/v1/stream') streams++;
      return res;
    };
    const api = await floorview.listen();
    const ev = eventFactory(now);
    await floorview.events(
      ...['a-1', 'a-2', 'a-3', 'a-4'].map((agentId, i) => ev('agent.signed_in', i, { agentId })),
      ...['a-1', 'a-2', 'a-3', 'a-4'].map((agentId, i) => ev('agent.state_changed', 10 + i, { agentId, state: 'available' })),
    );
    portal.on('request', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><title>Portal</title>
<script>
  // Every message the widgets' stream receives, in order: what was delivered, once each.
  window.delivered = [];
  const Native = EventSource;
  window.EventSource = class extends Native {
    constructor(url, init) {
      super(url, init);
      for (const type of ['snapshot', 'delta']) this.addEventListener(type, (e) => delivered.push({ type, id: e.lastEventId }));
    }
  };
</script>
<script type="module" src="${api}/widgets/fv-agent-list.js"></script>
</head><body>
<fv-agent-list api="${api}" style="height: 30rem"></fv-agent-list>
<script>document.querySelector('fv-agent-list').tokenProvider = () => window.portalToken();</script>
</body></html>`);
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Chromium logs each refused request itself; anything else logged as an error is the page's.
    page.on('console', (m) => m.type() === 'error' && (/status of 401/.test(m.text()) ? browserLogged401s++ : pageErrors.push(m.text())));
    await page.exposeFunction('portalToken', async () => {
      providerCalls.push(now);
      const token = (await floorview.login('ava')).authorization!.replace('Bearer ', '');
      issued++;
      return token;
    });
    await page.goto(portalUrl);
  });

  after(async () => {
    await browser?.close();
    await floorview?.close();
    portal?.close();
  });

  /** What the list shows: each row's agent id and state, and its connection. */
  const shown = () =>
    page.evaluate(() => {
      const list = document.querySelector('fv-agent-list')!;
      const rows = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
      return {
        connection: list.getAttribute('connection'),
        // The state cell as a screen reader reads it (test/widgets/support/agent-list-dom.ts does the same in the widget suites).
        rows: Object.fromEntries(
          rows.map((r) => {
            const cell = r.querySelectorAll(':scope > [role=cell], :scope > [role=rowheader]')[1]!.cloneNode(true) as HTMLElement;
            for (const hidden of cell.querySelectorAll('[aria-hidden=true]')) hidden.remove();
            return [r.dataset.agent!, cell.textContent!.replace(/\s+/g, ' ').trim()];
          }),
        ),
      };
    });

  it('stays live and in Ava’s scope, asking the provider once after each expiry and resuming with a delta each time', async () => {
    await waitUntil(async () => (await shown()).connection === 'live' && issued === 1, 'live');
    assert.deepEqual(Object.keys((await shown()).rows).sort(), ['a-1', 'a-2', 'a-4'], 'Ava supervises Sales');
    assert.equal(providerCalls.length, 1);

    for (let hour = 1; hour <= HOURS; hour++) {
      now += HOUR_MS;
      const state = hour % 2 ? 'unavailable' : 'available';
      const label = hour % 2 ? 'Unavailable' : 'Available';
      await floorview.events(eventFactory(now)('agent.state_changed', 0, { agentId: 'a-2', state, ...(hour % 2 ? { reason: 'Lunch' } : {}) }));
      let last = await shown();
      await waitUntil(
        async () => {
          last = await shown();
          // Each hour's stream is a new one: the last ended with its token.
          return issued === hour + 1 && streams === hour + 1 && last.connection === 'live' && last.rows['a-2']?.startsWith(label);
        },
        () => `hour ${hour}: ${providerCalls.length} provider calls, ${streams} streams, ${JSON.stringify(last)}`,
      );
      assert.deepEqual(Object.keys(last.rows).sort(), ['a-1', 'a-2', 'a-4'], `hour ${hour}: still Ava's scope only`);
      assert.ok(providerCalls.at(-1)! >= providerCalls.at(-2)! + HOUR_MS, `hour ${hour}: asked once the token had expired, not before`);
    }

    assert.equal(providerCalls.length, HOURS + 1, 'one token per hour, however many requests met the expired one');
    // An opaque token's expiry is learnt from a refusal: each hour at least one request met the expired token (the stream's
    // ticket request, or another of the list's own requests first), and whichever did asked the provider for everyone.
    const withToken = refused.filter((r) => r !== 'GET /api/v1/stream');
    assert.ok(withToken.length >= HOURS, refused.join(', '));
    const delivered = await page.evaluate(() => (window as unknown as { delivered: { type: string; id: string }[] }).delivered);
    assert.equal(delivered.filter((d) => d.type === 'snapshot').length, 1, 'one snapshot, then only deltas: every reconnection resumed');
    const seqs = delivered.map((d) => Number(d.id.split('-').at(-1)));
    assert.ok(
      seqs.every((s, i) => i === 0 || s > seqs[i - 1]!),
      `message ids only ever grow: nothing delivered twice (${delivered.map((d) => d.id).join(' ')})`,
    );
    assert.deepEqual(pageErrors, []);
    assert.equal(browserLogged401s, refused.length, 'the browser logged the refusals and nothing else');
  });
});
