import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHostRun, type HostRun } from './host-run.js';
import { runInHost, typecheckHost } from './packed-host.js';

/**
 * Issue 16's integrator: a fresh Vite + React 19 app (test/e2e/hosts/react/) installs the packed
 * `floorview` tarball without the network, type-checks against its declarations (a wrong prop or
 * event type fails: src/wrong-types.tsx), builds, and renders <FvAgentList> with a token against a
 * real server, in Chromium: the live agents appear.
 */
describe('a React host of the packed package', () => {
  let h: HostRun;

  before(async () => {
    h = await startHostRun('react', ['@lit/react', 'react', 'react-dom', '@types/react', '@types/react-dom', 'vite'], (app) =>
      Promise.all([typecheckHost(app), runInHost(app, 'vite', ['build', '--logLevel', 'error'])]),
    );
  });
  after(() => h?.stop());

  it('renders the live agents, with props set as properties and typed fv-* events reaching React', async () => {
    const { view, sortDirection } = await h.openLiveAgentList();
    assert.deepEqual({ view, sortDirection }, { view: 'queue', sortDirection: 'desc' });
    assert.deepEqual(h.run.pageErrors, []);
  });

  it('leaves out of its build the widgets it does not use (sideEffects, pure components)', () => {
    const assets = join(h.app, 'dist/assets');
    const built = readdirSync(assets).map((file) => readFileSync(join(assets, file), 'utf8'));
    const has = (tag: string) => built.some((code) => new RegExp(`[\`'"]${tag}[\`'"]`).test(code));
    assert.ok(has('fv-agent-list'), 'the agent list is in');
    const unused = ['fv-provider', 'fv-queue-realtime', 'fv-chat', 'fv-agent-desk', 'fv-agent-stats', 'fv-queue-history', 'fv-wrapup-stats', 'fv-wrapup-reports', 'fv-directory-admin'];
    assert.deepEqual(unused.filter(has), []);
  });

  it('installs the custom-elements manifest its package.json names: each widget it exports, from a module it ships', () => {
    const installed = join(h.app, 'node_modules/floorview');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const manifest: { modules: { path: string; declarations?: { tagName?: string }[] }[] } = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8'));
    const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.tagName ? [[d.tagName, m.path] as const] : [])));
    const widgets = Object.keys(pkg.exports).flatMap((path) => (/^\.\/[\w-]+$/.test(path) && path !== './react' ? [`fv-${path.slice(2)}`] : []));
    assert.deepEqual(tags.map(([tag]) => tag).sort(), widgets.sort());
    for (const [tag, path] of tags) assert.ok(existsSync(join(installed, path)), `${tag}: ${path}`);
  });
});
