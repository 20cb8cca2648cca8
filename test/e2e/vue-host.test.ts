import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { waitUntil } from '../support/wait-until.js';
import { DEMO_DISPLAY_TOKEN, type E2eRun, liveRows, SIMULATED, startRun, STEP_MS } from './e2e-run.js';
import { installHost, packFloorview, runInHost, serveHost, typecheckHost } from './packed-host.js';

/**
 * A Vue 3 host (test/e2e/hosts/vue/): Vite with @vitejs/plugin-vue told that fv-* tags are custom
 * elements, installs the packed `floorview` tarball without the network, type-checks its own
 * TypeScript against the package's declarations (src/wrong-types.ts: a wrong property or event
 * payload must be an error), builds, and renders <fv-agent-list> against a real server in Chromium.
 */
describe('a Vue host of the packed package', () => {
  let dir: string;
  let run: E2eRun;
  let host: Awaited<ReturnType<typeof serveHost>>;
  let page: Page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-vue-host-'));
    const app = join(dir, 'app');
    host = await serveHost(join(app, 'dist'));
    const buildHost = async () => {
      await installHost('vue', app, await packFloorview(dir), ['vue', '@vitejs/plugin-vue', 'vite']);
      await Promise.all([typecheckHost(app), runInHost(app, 'vite', ['build', '--logLevel', 'error'])]);
    };
    const settled = await Promise.allSettled([buildHost(), startRun('vue-host', null, { ...SIMULATED, FLOORVIEW_ALLOWED_ORIGINS: host.url }).then((r) => (run = r))]);
    for (const result of settled) if (result.status === 'rejected') throw result.reason;
    page = await run.page();
  });
  after(async () => {
    await run?.stop();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the live agents, with an attribute, a .prop binding and typed fv-* events reaching Vue', async () => {
    await page.goto(`${host.url}/?api=${encodeURIComponent(run.server.url)}&token=${DEMO_DISPLAY_TOKEN}`);
    await page.locator('#connection').getByText('live').waitFor({ timeout: STEP_MS });
    const agents = await waitUntil(async () => {
      const rows = await liveRows(page);
      return rows.length > 0 && rows;
    }, 'the live agents', { timeoutMs: STEP_MS, intervalMs: 250 });
    assert.equal(agents.length, 60, 'every agent of the demo centre');
    const list = page.locator('fv-agent-list');
    await list.locator('[part~="row"]').first().waitFor({ timeout: STEP_MS });
    const { view, sortDirection, sortAttribute } = await list.evaluate((el: HTMLElementTagNameMap['fv-agent-list']) => ({
      view: el.view,
      sortDirection: el.sortDirection,
      sortAttribute: el.getAttribute('sort-direction'),
    }));
    // .prop set the property itself: Vue wrote no attribute for it.
    assert.deepEqual({ view, sortDirection, sortAttribute }, { view: 'queue', sortDirection: 'desc', sortAttribute: null });
    assert.deepEqual(run.pageErrors, []);
  });
});
