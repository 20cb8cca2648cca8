import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { freePort, startServerProcess } from '../support/server-process.js';
import { DEMO_DISPLAY_TOKEN, DEMO_INTEGRATION_KEY, type E2eRun, SIMULATED, startRun, STEP_MS } from './e2e-run.js';

/**
 * The wallboard page on a real server process with the simulated demo centre,
 * in the system Chromium at 1080p: opened with the demo display token, showing
 * the live queues, and coming back by itself after the server restarts on the
 * same port and database.
 */
/** The stream backs off to at most 30 s between attempts, with jitter; then it connects, on a loaded machine. */
const RECONNECT_MS = 120_000;

describe('wallboard, end to end', () => {
  let run: E2eRun;
  let page: Page;

  before(async () => {
    // A fixed port: the server restarts on it.
    run = await startRun('wallboard', 'fv-queue-realtime.js', { PORT: String(await freePort()), ...SIMULATED });
    page = await run.page({ width: 1920, height: 1080 });
  });
  after(() => run?.stop());

  const board = () => page.locator('fv-queue-realtime');
  const connection = (state: RegExp, timeout = STEP_MS) =>
    page.waitForFunction((source) => new RegExp(source).test(document.querySelector('fv-queue-realtime')?.getAttribute('connection') ?? ''), state.source, {
      timeout,
    });

  /** What the tiles show: queue key → waiting, and the agents by state. */
  const shown = () =>
    page.evaluate(() => {
      const root = document.querySelector('fv-queue-realtime')!.shadowRoot!;
      const tiles = [...root.querySelectorAll<HTMLElement>('[part~="tile"]')].map((t): [string, string] => [t.dataset.queue!, t.querySelector('.item.main dd .value')?.textContent ?? '']);
      const agents = [...root.querySelectorAll<HTMLElement>('[part="summary"] .item')].map((i): [string, string] => [i.dataset.state!, i.querySelector('dd')!.textContent!]);
      return { tiles: Object.fromEntries(tiles), agents: Object.fromEntries(agents) };
    });

  it('exchanges the display token for an HttpOnly cookie and takes it out of the URL', async () => {
    await page.goto(`${run.server.url}/wallboard.html?token=${DEMO_DISPLAY_TOKEN}`);
    await connection(/^live$/);
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await page.evaluate(() => location.href.includes('token')), false);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'fv_display');
    assert.ok(cookie?.httpOnly, 'an HttpOnly session cookie');
    assert.equal(await page.evaluate(() => document.cookie.includes('fv_display')), false);
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    assert.equal(me.kind, 'display');
  });

  it('shows every queue of the display token as a tile, with live numbers', async () => {
    await board().locator('[part~="tile"][data-queue="*"]').waitFor({ timeout: STEP_MS });
    const { tiles, agents } = await shown();
    assert.equal(Object.keys(tiles).length, 9, 'eight queues and their total');
    for (const [queue, waiting] of Object.entries(tiles)) assert.match(waiting, /^\d+$/, `waiting in ${queue}`);
    const counted = Object.values(agents).reduce((n, v) => n + Number(v), 0);
    assert.equal(counted, 60, 'every agent of the centre, once');

    // A caller the simulator knows nothing of: it waits in Sales until the test ends, and the tile shows it at once.
    const res = await fetch(`${run.server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_INTEGRATION_KEY}` },
      body: JSON.stringify({ events: [{ id: 'e2e-wallboard-1', type: 'call.queued', at: new Date().toISOString(), callId: 'e2e-wallboard-call', queueId: 'q-sales', direction: 'inbound' }] }),
    });
    assert.equal(res.status, 200);
    await page.waitForFunction(
      () => {
        const tile = document.querySelector('fv-queue-realtime')!.shadowRoot!.querySelector('[part~="tile"][data-queue="q-sales"]');
        const [waiting, longest] = [...(tile?.querySelectorAll('.item.main dd .value') ?? [])].map((v) => v.textContent ?? '');
        return Number(waiting) >= 1 && /^\d+:\d\d$/.test(longest ?? '') && longest !== '0:00';
      },
      null,
      { timeout: STEP_MS },
    );
  });

  it('survives a server restart: says it is reconnecting, then shows live data again by itself', async () => {
    await run.server.stop();
    await connection(/^(reconnecting|offline)$/);
    await board().locator('[part="age"]').waitFor({ timeout: STEP_MS });
    assert.match(await board().locator('[part="status"]').innerText(), /Reconnecting|Offline/);
    assert.match(await board().locator('[part="age"]').innerText(), /data \d+:\d\d old/);
    const lost = Date.now();

    run.server = await startServerProcess(run.env);
    await connection(/^live$/, RECONNECT_MS);
    await page.waitForFunction(
      (t) => {
        const streams = (globalThis as unknown as Record<symbol, Map<string, { receivedAt: number | null }>>)[Symbol.for('floorview/streams')]!;
        return ([...streams.values()][0]!.receivedAt ?? 0) > t;
      },
      lost,
      { timeout: STEP_MS },
    );
    assert.equal(await board().locator('[part="age"]').count(), 0);
    const { tiles } = await shown();
    assert.equal(Object.keys(tiles).length, 9);
    assert.equal(new URL(page.url()).search, '', 'still no token: the cookie carried the session across the restart');
    assert.deepEqual(run.pageErrors, []);
  });
});
