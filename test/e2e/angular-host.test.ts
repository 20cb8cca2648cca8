import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHostRun, type HostRun } from './host-run.js';
import { runInHost } from './packed-host.js';

const ANGULAR = ['@angular/core', '@angular/common', '@angular/compiler', '@angular/compiler-cli', '@angular/platform-browser', 'rxjs', 'typescript', 'vite'];

/**
 * An Angular 21 host (test/e2e/hosts/angular/): a standalone component with
 * CUSTOM_ELEMENTS_SCHEMA, compiled ahead of time by ngc with strictTemplates against the packed
 * `floorview` tarball (installed without the network), bundled by Vite with Angular's linker,
 * and rendering <fv-agent-list> against a real server in Chromium. ngc must also refuse a
 * template that misreads an fv-* event (mistakes/): the package types `$event`.
 */
describe('an Angular host of the packed package', () => {
  let h: HostRun;

  before(async () => {
    h = await startHostRun('angular', ANGULAR, async (app) => {
      await runInHost(app, 'ngc', ['-p', 'tsconfig.json']);
      await runInHost(app, 'vite', ['build', '--logLevel', 'error']);
    });
  });
  after(() => h?.stop());

  it('refuses a template that reads a field the fv-* event does not carry', async () => {
    const failed = await runInHost(h.app, 'ngc', ['-p', 'mistakes/tsconfig.json']).then(
      () => assert.fail('ngc compiled mistakes/wrong-event.component.ts'),
      // runInHost's error carries the program's output.
      (err: Error) => err.message.replace(/\x1b\[[0-9;]*m/g, ''),
    );
    assert.match(failed, /Property 'queueId' does not exist on type 'FvAgentChatEvent'/);
  });

  it('renders the live agents, with attributes, property bindings and typed fv-* events reaching Angular', async () => {
    // [sortDirection] set the property itself: Angular wrote no attribute for it.
    assert.deepEqual(await h.openLiveAgentList(), { view: 'queue', sortDirection: 'desc', sortAttribute: null });
    assert.deepEqual(h.run.pageErrors, []);
  });
});
