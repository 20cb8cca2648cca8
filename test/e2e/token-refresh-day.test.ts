import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.js';
import { AUDIENCE, ROLES_CLAIM, startOidcProvider, type TestIssuer } from '../support/oidc-provider.js';
import { listenOnLoopback } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { eventFactory, startHarness, type Harness } from '../server/harness.js';

/**
 * A portal page open for a whole day: `<fv-agent-list>` gets its tokens from the page's
 * `tokenProvider`, the portal's sign-in library as the widgets meet it. The server's clock is the
 * test's, moved hour by hour: every token runs out, and the list must stay live, in Ava's scope,
 * each stream resuming where the last one left off.
 */
const HOURS = 24;
const HOUR_MS = 3_600_000;

/** The page, the server and what the test counts on both. */
class PortalDay {
  now = Date.now();
  floorview!: Harness;
  private portal = createServer();
  private browser!: Browser;
  page!: Page;
  /** The server's time of each call of the page's tokenProvider. */
  readonly providerCalls: number[] = [];
  /** Tokens handed to the page (a call's token is in hand once the portal has it). */
  readonly issued: string[] = [];
  /** Requests the server refused with 401, as `METHOD path`. */
  readonly refused: string[] = [];
  /** Streams the server opened. */
  streams = 0;
  readonly pageErrors: string[] = [];
  browserLogged401s = 0;

  /** `env`: the server's; `token`: how the portal gets a token for Ava. */
  async start(env: Record<string, string>, token: () => Promise<string>): Promise<void> {
    assert.ok(existsSync('dist/widgets/fv-agent-list.js'), 'build the widgets first: npm run build');
    const portalUrl = await listenOnLoopback(this.portal);
    this.floorview = await startHarness({ clock: () => this.now, env: { FLOORVIEW_ALLOWED_ORIGINS: portalUrl, ...env }, portal: { jwksCooldownMs: 0 } });
    const serve = this.floorview.app.fetch;
    this.floorview.app.fetch = async (request, ...rest) => {
      const res = await serve(request, ...rest);
      const route = `${request.method} ${new URL(request.url).pathname}`;
      if (res.status === 401) this.refused.push(route);
      if (res.status === 200 && route === 'GET /api/v1/stream') this.streams++;
      return res;
    };
    const api = await this.floorview.listen();
    const ev = eventFactory(this.now);
    await this.floorview.events(
      ...['a-1', 'a-2', 'a-3', 'a-4'].map((agentId, i) => ev('agent.signed_in', i, { agentId })),
      ...['a-1', 'a-2', 'a-3', 'a-4'].map((agentId, i) => ev('agent.state_changed', 10 + i, { agentId, state: 'available' })),
    );
    this.portal.on('request', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(portalPage(api)));
    this.browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    this.page = await this.browser.newPage();
    this.page.on('pageerror', (e) => this.pageErrors.push(e.message));
    // Chromium logs each refused request itself; anything else logged as an error is the page's.
    this.page.on('console', (m) => m.type() === 'error' && (/status of 401/.test(m.text()) ? this.browserLogged401s++ : this.pageErrors.push(m.text())));
    await this.page.exposeFunction('portalToken', async () => {
      this.providerCalls.push(this.now);
      const issued = await token();
      this.issued.push(issued);
      return issued;
    });
    await this.page.goto(portalUrl);
    await waitUntil(async () => (await this.shown()).connection === 'live' && this.issued.length === 1, 'live');
    assert.deepEqual(Object.keys((await this.shown()).rows).sort(), ['a-1', 'a-2', 'a-4'], 'Ava supervises Sales');
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.floorview?.close();
    this.portal.close();
  }

  /** What the list shows: each row's agent id and state cell, and its connection. */
  shown() {
    return this.page.evaluate(() => {
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
  }

  /**
   * An hour of the day: the server's clock moves to `at`, a-2 changes state, and the list shows it
   * on a new stream (the last one ended with its ticket) with the hour's new token.
   */
  async hour(hour: number, at: number): Promise<void> {
    this.now = at;
    const state = hour % 2 ? 'unavailable' : 'available';
    const label = hour % 2 ? 'Unavailable' : 'Available';
    await this.floorview.events(eventFactory(this.now)('agent.state_changed', 0, { agentId: 'a-2', state, ...(hour % 2 ? { reason: 'Lunch' } : {}) }));
    let last = await this.shown();
    await waitUntil(
      async () => {
        last = await this.shown();
        return this.issued.length === hour + 1 && this.streams === hour + 1 && last.connection === 'live' && last.rows['a-2']?.startsWith(label);
      },
      () => `hour ${hour}: ${this.providerCalls.length} provider calls, ${this.streams} streams, refused ${this.refused.slice(-3).join(', ')}, ${JSON.stringify(last)}`,
    );
    assert.deepEqual(Object.keys(last.rows).sort(), ['a-1', 'a-2', 'a-4'], `hour ${hour}: still Ava's scope only`);
  }

  /** Every message the stream delivered was new: one snapshot, then deltas whose ids only grow. */
  async assertNothingLostOrRepeated(): Promise<void> {
    const delivered = await this.page.evaluate(() => (window as unknown as { delivered: { type: string; id: string }[] }).delivered);
    assert.equal(delivered.filter((d) => d.type === 'snapshot').length, 1, 'one snapshot, then only deltas: every reconnection resumed');
    const seqs = delivered.map((d) => Number(d.id.split('-').at(-1)));
    assert.ok(
      seqs.every((s, i) => i === 0 || s > seqs[i - 1]!),
      `message ids only ever grow: nothing delivered twice (${delivered.map((d) => d.id).join(' ')})`,
    );
    assert.deepEqual(this.pageErrors, []);
    assert.equal(this.browserLogged401s, this.refused.length, 'the browser logged the refusals and nothing else');
  }
}

/** The portal: the widget's script from the server, its tokenProvider, and a record of every stream message. */
function portalPage(api: string): string {
  return `<!doctype html>
<html lang="en"><head><title>Portal</title>
<script>
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
</body></html>`;
}

describe('a whole day of the portal’s OpenID Connect tokens, end to end', () => {
  const day = new PortalDay();
  let idp: TestIssuer;

  before(async () => {
    idp = await startOidcProvider();
    await day.start(
      { FLOORVIEW_OIDC_ISSUER: idp.issuer, FLOORVIEW_OIDC_AUDIENCE: AUDIENCE, FLOORVIEW_OIDC_ROLES_CLAIM: ROLES_CLAIM },
      // An hour's token by the server's clock: the provider stamps exp by its own, the real one.
      () => idp.token({ email: 'ava@example.com', ttlSeconds: Math.round((day.now - Date.now() + HOUR_MS) / 1000) }),
    );
  });
  after(async () => {
    await day.stop();
    await idp?.close();
  });

  it('asks the provider before each token expires, so no request is refused for an expired token', async () => {
    for (let hour = 1; hour <= HOURS; hour++) {
      const exp = decodeJwt(day.issued.at(-1)!).exp! * 1000;
      // Half a minute before the token runs out: inside the widgets' margin, still valid on the server.
      await day.hour(hour, exp - 30_000);
      assert.ok(day.providerCalls.at(-1)! < exp, `hour ${hour}: asked while the last token was still valid`);
    }
    assert.equal(day.providerCalls.length, HOURS + 1);
    assert.deepEqual(
      day.refused.filter((r) => r !== 'GET /api/v1/stream'),
      [],
      'no request with a token was refused (an old stream ticket may be, when the stream ends before a frame told the new time)',
    );
    await day.assertNothingLostOrRepeated();
  });
});

describe('a whole day of opaque tokens (sessions of an hour), end to end', () => {
  const day = new PortalDay();

  before(() => day.start({ FLOORVIEW_SESSION_HOURS: '1' }, async () => (await day.floorview.login('ava')).authorization!.replace('Bearer ', '')));
  after(() => day.stop());

  it('asks the provider once after each expiry, when the server refuses the token, and sends the request again', async () => {
    for (let hour = 1; hour <= HOURS; hour++) {
      await day.hour(hour, day.now + HOUR_MS);
      assert.ok(day.providerCalls.at(-1)! >= day.providerCalls.at(-2)! + HOUR_MS, `hour ${hour}: asked once the token had expired, not before`);
    }
    assert.equal(day.providerCalls.length, HOURS + 1, 'one token per hour, however many requests met the expired one');
    // Each hour at least one request met the expired token (the stream's ticket request, or one of the list's own first), and that one asked for everyone.
    assert.ok(day.refused.filter((r) => r !== 'GET /api/v1/stream').length >= HOURS, day.refused.join(', '));
    await day.assertNothingLostOrRepeated();
  });
});
