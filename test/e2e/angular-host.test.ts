import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { waitUntil } from '../support/wait-until.js';
import { DEMO_DISPLAY_TOKEN, type E2eRun, liveRows, SIMULATED, startRun, STEP_MS } from './e2e-run.js';
import { installHost, packFloorview, runInHost, serveHost } from './packed-host.js';

const ANGULAR = ['@angular/core', '@angular/common', '@angular/compiler', '@angular/compiler-cli', '@angular/platform-browser', 'rxjs', 'typescript', 'vite'];

/**
 * An Angular 21 host (test/e2e/hosts/angular/): a standalone component with
 * CUSTOM_ELEMENTS_SCHEMA, compiled ahead of time by ngc with strictTemplates against the packed
 * `floorview` tarball (installed without the network), bundled by Vite with Angular's linker,
 * and rendering <fv-agent-list> against a real server in Chromium. ngc must also refuse a
 * template that misreads an fv-* event (mistakes/): the package types `$event`.
 */
describe('an Angular host of the packed package', () => {
  let dir: string;
  let app: string;
  let run: E2eRun;
  let host: Awaited<ReturnType<typeof serveHost>>;
  let page: Page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-angular-host-'));
    app = join(dir, 'app');
    host = await serveHost(join(app, 'dist'));
    const buildHost = async () => {
      await installHost('angular', app, await packFloorview(dir), ANGULAR);
      await runInHost(app, 'ngc', ['-p', 'tsconfig.json']);
      await runInHost(app, 'vite', ['build', '--logLevel', 'error']);
    };
    const settled = await Promise.allSettled([buildHost(), startRun('angular-host', null, { ...SIMULATED, FLOORVIEW_ALLOWED_ORIGINS: host.url }).then((r) => (run = r))]);
    for (const result of settled) if (result.status === 'rejected') throw result.reason;
    page = await run.page();
  });
  after(async () => {
    await run?.stop();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a template that reads a field the fv-* event does not carry', async () => {
    const failed = await runInHost(app, 'ngc', ['-p', 'mistakes/tsconfig.json']).then(
      () => assert.fail('ngc compiled mistakes/wrong-event.component.ts'),
      (err: { stdout: string; stderr: string }) => `${err.stdout}${err.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''),
    );
    assert.match(failed, /Property 'queueId' does not exist on type 'FvAgentChatEvent'/);
  });

  it('renders the live agents, with attributes, property bindings and typed fv-* events reaching Angular', async () => {
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
    // [sortDirection] set the property itself: Angular wrote no attribute for it.
    assert.deepEqual({ view, sortDirection, sortAttribute }, { view: 'queue', sortDirection: 'desc', sortAttribute: null });
    assert.deepEqual(run.pageErrors, []);
  });
});
