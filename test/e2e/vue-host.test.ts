import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHostRun, type HostRun } from './host-run.js';
import { runInHost, typecheckHost } from './packed-host.js';

/**
 * A Vue 3 host (test/e2e/hosts/vue/): Vite with @vitejs/plugin-vue told that fv-* tags are custom
 * elements, installs the packed `floorview` tarball without the network, type-checks its own
 * TypeScript against the package's declarations (src/wrong-types.ts: a wrong property or event
 * payload must be an error), builds, and renders <fv-agent-list> against a real server in Chromium.
 */
describe('a Vue host of the packed package', () => {
  let h: HostRun;

  before(async () => {
    h = await startHostRun('vue', ['vue', '@vitejs/plugin-vue', 'vite'], (app) =>
      Promise.all([typecheckHost(app), runInHost(app, 'vite', ['build', '--logLevel', 'error'])]),
    );
  });
  after(() => h?.stop());

  it('renders the live agents, with an attribute, a .prop binding and typed fv-* events reaching Vue', async () => {
    // .prop set the property itself: Vue wrote no attribute for it.
    assert.deepEqual(await h.openLiveAgentList(), { view: 'queue', sortDirection: 'desc', sortAttribute: null });
    assert.deepEqual(h.run.pageErrors, []);
  });
});
