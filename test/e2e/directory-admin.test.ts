import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2eRun, liveRows, startRun } from './e2e-run.js';

/**
 * Issue 12's "done when", on a real server process with the demo centre and two browser
 * contexts: the admin narrows Ava's queue scope in `<fv-directory-admin>` on the demo page's
 * Directory tab, and Ava's agent list, open in the other context, drops the agents she no
 * longer oversees within a second of the server accepting the change.
 * Ava oversees Sales, Returns and Account Management; 杨霞 (a-039) is in Returns only,
 * 高军 (a-017) in Returns and Sales.
 */
describe('directory administration, end to end', () => {
  let run: E2eRun;
  let admin: Page;
  let ava: Page;

  before(async () => {
    run = await startRun('directory-admin', 'floorview.js', { FLOORVIEW_SIMULATOR: 'off' });
    [admin, ava] = [await run.page({ width: 1440, height: 900 }), await run.page({ width: 1440, height: 900 })];
  });
  after(() => run?.stop());

  async function signIn(page: Page, email: string, hash = ''): Promise<void> {
    await page.goto(`${run.server.url}/${hash}`);
    await page.locator('#sign-in input[name=email]').fill(email);
    await page.locator('#sign-in input[name=password]').fill('floorview-demo');
    await page.locator('#sign-in button[type=submit]').click();
    await page.locator('#floor:not([hidden])').waitFor();
  }

  const avaRow = (agentId: string) => ava.locator(`fv-agent-list [part~="row"][data-agent="${agentId}"]`);

  it('narrows a supervisor’s scope, and her open agent list follows within a second', async () => {
    await signIn(ava, 'ava@example.com');
    const list = ava.locator('fv-agent-list');
    await list.locator('[part=status]').getByText('Live').waitFor();
    await list.locator('input[type=search]').fill('杨霞');
    await avaRow('a-039').waitFor();
    const before = new Set((await liveRows(ava)).map((a) => a.agentId));
    assert.ok(before.has('a-039') && before.has('a-017'), 'both agents in Ava’s scope at first');

    await signIn(admin, 'admin@example.com', '#directory');
    const widget = admin.locator('fv-directory-admin');
    await widget.getByRole('tab', { name: 'Supervisors' }).click();
    await widget.locator('tr[data-id="s-ava"] [part=edit-button]').click();
    const form = widget.locator('dialog[open]');
    const returns = form.getByRole('checkbox', { name: 'Returns' });
    assert.equal(await returns.isChecked(), true);
    await returns.uncheck();
    const accepted = admin.waitForResponse((res) => res.url().endsWith('/api/v1/admin/supervisors/s-ava') && res.request().method() === 'PATCH');
    await form.getByRole('button', { name: 'Save' }).click();
    assert.equal((await accepted).status(), 200);

    // The list's own rows, then the stream under it: the "within a second" is this wait's limit, never a sleep.
    await avaRow('a-039').waitFor({ state: 'detached', timeout: 1_000 });
    const after = new Set((await liveRows(ava)).map((a) => a.agentId));
    assert.equal(after.has('a-039'), false, 'the Returns-only agent left the stream');
    assert.equal(after.has('a-017'), true, 'an agent also in Sales stays');
    await widget.locator('tr[data-id="s-ava"]').getByText('Account Management, Sales').waitFor();
    assert.deepEqual(run.pageErrors, []);
  });
});
