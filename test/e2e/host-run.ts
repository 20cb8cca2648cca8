import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { waitUntil } from '../support/wait-until.js';
import { DEMO_DISPLAY_TOKEN, type E2eRun, liveRows, SIMULATED, startRun, STEP_MS } from './e2e-run.js';
import { installHost, packFloorview, serveHost } from './packed-host.js';

/**
 * A framework host of the packed package (test/e2e/hosts/<name>/) built and served beside a
 * server with the simulated demo centre, and a page in Chromium: what the React, Vue and
 * Angular host suites share.
 */
export interface HostRun {
  /** The installed host app's folder. */
  app: string;
  run: E2eRun;
  page: Page;
  /** Opens the host on the server with the display token, once its agent list shows the demo centre's live agents. */
  openLiveAgentList(): Promise<AgentListState>;
  stop(): Promise<void>;
}

/** What the host set on its <fv-agent-list>: two properties, and the attribute one of them has (or not). */
export interface AgentListState {
  view: string;
  sortDirection: string;
  sortAttribute: string | null;
}

/**
 * Packs the package, installs host `name` with `packages` beside it and runs `build` in the
 * app's folder (to fill its dist/), while the server starts; both are waited for, so a failure
 * of either stops whatever started.
 */
export async function startHostRun(name: string, packages: string[], build: (app: string) => Promise<unknown>): Promise<HostRun> {
  const dir = mkdtempSync(join(tmpdir(), `floorview-${name}-host-`));
  const app = join(dir, 'app');
  const host = await serveHost(join(app, 'dist'));
  let run: E2eRun | undefined;
  const stop = async () => {
    await run?.stop();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const settled = await Promise.allSettled([
    installHost(name, app, await packFloorview(dir), packages).then(() => build(app)),
    startRun(`${name}-host`, null, { ...SIMULATED, FLOORVIEW_ALLOWED_ORIGINS: host.url }).then((r) => (run = r)),
  ]);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const page = await run!.page();
  return {
    app,
    run: run!,
    page,
    stop,
    async openLiveAgentList() {
      await page.goto(`${host.url}/?api=${encodeURIComponent(run!.server.url)}&token=${DEMO_DISPLAY_TOKEN}`);
      // The host shows the state its fv-connection-change handler received.
      await page.locator('#connection').getByText('live').waitFor({ timeout: STEP_MS });
      const agents = await waitUntil(async () => {
        const rows = await liveRows(page);
        return rows.length > 0 && rows;
      }, 'the live agents', { timeoutMs: STEP_MS, intervalMs: 250 });
      assert.equal(agents.length, 60, 'every agent of the demo centre');
      const list = page.locator('fv-agent-list');
      await list.locator('[part~="row"]').first().waitFor({ timeout: STEP_MS });
      const shown = await list.locator('[part~="row"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.agent));
      assert.ok(shown.length > 0 && shown.every((id) => agents.some((a) => a.agentId === id)), `rows of live agents: ${shown.join(', ')}`);
      return list.evaluate((el: HTMLElementTagNameMap['fv-agent-list']) => ({
        view: el.view,
        sortDirection: el.sortDirection,
        sortAttribute: el.getAttribute('sort-direction'),
      }));
    },
  };
}
