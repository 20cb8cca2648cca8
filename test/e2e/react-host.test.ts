import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/imports.js';
import { waitUntil } from '../support/wait-until.js';
import { DEMO_DISPLAY_TOKEN, type E2eRun, liveRows, SIMULATED, startRun, STEP_MS } from './e2e-run.js';
import { installHost, packFloorview, runInHost, serveHost, typecheckHost } from './packed-host.js';

/**
 * Issue 16's integrator: a fresh Vite + React 19 app (test/e2e/hosts/react/) installs the packed
 * `floorview` tarball without the network, type-checks against its declarations (a wrong prop or
 * event type fails: src/wrong-types.tsx), builds, and renders <FvAgentList> with a token against a
 * real server, in Chromium: the live agents appear.
 */
describe('a React host of the packed package', () => {
  let dir: string;
  let app: string;
  let run: E2eRun;
  let host: Awaited<ReturnType<typeof serveHost>>;
  let page: Page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-react-host-'));
    app = join(dir, 'app');
    host = await serveHost(join(app, 'dist'));
    const buildHost = async () => {
      await installHost('react', app, await packFloorview(dir), ['@lit/react', 'react', 'react-dom', '@types/react', '@types/react-dom', 'vite']);
      await Promise.all([typecheckHost(app), runInHost(app, 'vite', ['build', '--logLevel', 'error'])]);
    };
    // The server starts while the host is built; both are waited for, so `after` stops whatever started.
    const settled = await Promise.allSettled([buildHost(), startRun('react-host', null, { ...SIMULATED, FLOORVIEW_ALLOWED_ORIGINS: host.url }).then((r) => (run = r))]);
    for (const result of settled) if (result.status === 'rejected') throw result.reason;
    page = await run.page();
  });
  after(async () => {
    await run?.stop();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the live agents, with props set as properties and typed fv-* events reaching React', async () => {
    await page.goto(`${host.url}/?api=${encodeURIComponent(run.server.url)}&token=${DEMO_DISPLAY_TOKEN}`);
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
    const { view, sortDirection } = await list.evaluate((el: HTMLElementTagNameMap['fv-agent-list']) => ({ view: el.view, sortDirection: el.sortDirection }));
    assert.deepEqual({ view, sortDirection }, { view: 'queue', sortDirection: 'desc' });
    assert.deepEqual(run.pageErrors, []);
  });

  it('installs the custom-elements manifest its package.json names: each widget it exports, from a module it ships', () => {
    const installed = join(app, 'node_modules/floorview');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const manifest: { modules: { path: string; declarations?: { tagName?: string }[] }[] } = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8'));
    const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.tagName ? [[d.tagName, m.path] as const] : [])));
    const widgets = Object.keys(pkg.exports).flatMap((path) => (/^\.\/[\w-]+$/.test(path) && path !== './react' ? [`fv-${path.slice(2)}`] : []));
    assert.deepEqual(tags.map(([tag]) => tag).sort(), widgets.sort());
    for (const [tag, path] of tags) assert.ok(existsSync(join(installed, path)), `${tag}: ${path}`);
  });

  it('is the host the README shows', () => {
    const source = readFileSync(join(ROOT, 'test/e2e/hosts/react/src/app.tsx'), 'utf8');
    assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes(`\`\`\`tsx\n${source}\`\`\``), 'README.md shows src/app.tsx as it is');
  });
});
