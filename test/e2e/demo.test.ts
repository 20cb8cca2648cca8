import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { AgentRow } from '../../contract/live.js';
import { waitUntil } from '../support/wait-until.js';
import { DEMO_INTEGRATION_KEY, type E2eRun, liveRows as readLiveRows, SIMULATED, SIMULATED_FLOOR_MS, startRun, STEP_MS } from './e2e-run.js';

/**
 * The demo page on a real server process with the simulated centre, in the
 * system Chromium: sign in, watch the floor move, and carry out every
 * supervisor action through the agent list, seeing each confirmed on the list.
 */
describe('demo page, end to end', () => {
  let run: E2eRun;
  let page: Page;

  before(async () => {
    run = await startRun('e2e', 'floorview.js', SIMULATED);
    page = await run.page({ width: 1400, height: 1000 });
  });
  after(() => run?.stop());

  const list = () => page.locator('fv-agent-list');
  const row = (agentId: string) => list().locator(`[part~="row"][data-agent="${agentId}"]`);
  const cell = (agentId: string, column: number) => row(agentId).locator(':scope > [role=cell], :scope > [role=rowheader]').nth(column);
  const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
  const expectCell = async (agentId: string, column: number, expected: RegExp) => {
    await page.waitForFunction(
      ([id, col, source]) => {
        const host = document.querySelector('fv-agent-list')!.shadowRoot!;
        const r = host.querySelector(`[part~="row"][data-agent="${id}"]`);
        const c = r?.querySelectorAll(':scope > [role=cell], :scope > [role=rowheader]')[col] as HTMLElement | undefined;
        return c !== undefined && new RegExp(source).test(c.innerText.replace(/\s+/g, ' ').trim());
      },
      [agentId, column, expected.source] as const,
      { timeout: STEP_MS },
    );
  };

  /** The page's live rows, read from the shared stream the widgets use. */
  const liveRows = () => readLiveRows(page);

  /** Shows only this agent, so live re-sorting cannot move the row while we act on it. */
  const focusOn = async (agent: AgentRow) => {
    await list().locator('input[type=search]').fill(agent.name);
    await row(agent.agentId).waitFor();
  };

  const choose = async (agentId: string, item: string) => {
    await list().locator(`[data-actions="${agentId}"]`).click();
    await page.getByRole('menuitem', { name: item, exact: true }).click();
  };

  const pickAgent = async (test: (a: AgentRow) => boolean, what: string) => {
    return waitUntil(async () => (await liveRows()).find(test), `an agent ${what} on the simulated floor`, { timeoutMs: SIMULATED_FLOOR_MS, intervalMs: 500 });
  };

  it('signs in on the demo page and shows the live floor', async () => {
    await page.goto(run.server.url);
    await page.locator('#sign-in input[name=email]').fill('admin@example.com');
    await page.locator('#sign-in input[name=password]').fill('floorview-demo');
    await page.locator('#sign-in button[type=submit]').click();
    await list().locator('[part=status]').getByText('Live').waitFor({ timeout: STEP_MS });
    // The live queues sit above the list; the virtualizer renders only rows inside the window.
    await list().scrollIntoViewIfNeeded();
    await list().locator('[part~="row"]').first().waitFor();
    assert.equal(await list().getAttribute('connection'), 'live');
    assert.match(await textOf(list().locator('.count')), /of 60 agents/);
  });

  it('shows agents changing live', async () => {
    const floor = async () => JSON.stringify((await liveRows()).map((a) => [a.state, a.contactState, a.monitoredBy]));
    const before = await floor();
    // The simulated floor changes at its own pace, which is slow in the centre's quiet hours (a minute can
    // pass with no call offered): a platform event through the integration API makes sure one change comes.
    const changed = await pickAgent((a) => a.state === 'available', 'available');
    const res = await fetch(`${run.server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_INTEGRATION_KEY}` },
      body: JSON.stringify({
        events: [{ id: `e2e-${Date.now()}`, type: 'agent.state_changed', at: new Date().toISOString(), agentId: changed.agentId, state: 'unavailable', reason: 'E2E check' }],
      }),
    });
    assert.equal(res.status, 200, await res.text());
    await waitUntil(async () => (await floor()) !== before, 'a change on the live floor', { timeoutMs: STEP_MS, intervalMs: 250 });
    const first = (await list().locator('[part~="row"]').first().getAttribute('data-agent'))!;
    const agent = (await liveRows()).find((a) => a.agentId === first)!;
    assert.match(await textOf(cell(first, 1)), new RegExp({ available: 'Available', unavailable: 'Unavailable', signed_out: 'Signed out' }[agent.state]));
  });

  it('changes an agent’s state, with a reason', async () => {
    const agent = await pickAgent((a) => a.state === 'available', 'available');
    await focusOn(agent);
    await choose(agent.agentId, 'Change state');
    const dialog = list().locator('dialog[open]');
    await dialog.locator('input[value=unavailable]').check();
    await dialog.locator('input[name=reason]').fill('Training');
    await dialog.getByRole('button', { name: 'Change state' }).click();
    await expectCell(agent.agentId, 1, /^Unavailable Training/);
  });

  it('joins and leaves a queue', async () => {
    const agent = await pickAgent((a) => a.state !== 'signed_out' && a.queues.length > 1, 'signed in with two queues');
    await focusOn(agent);
    const queue = agent.queues[0]!;
    await choose(agent.agentId, 'Manage queues');
    const box = list().locator(`dialog[open] input[name="${queue.queueId}"]`);
    assert.equal(await box.isChecked(), queue.joined);
    const queueName = await page.evaluate((q) => {
      const streams = (globalThis as unknown as Record<symbol, Map<string, { queues: Map<string, { queueName: string }> }>>)[Symbol.for('floorview/streams')]!;
      return [...streams.values()][0]!.queues.get(q)!.queueName;
    }, queue.queueId);
    const escaped = queueName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const shown = (joined: boolean) => new RegExp(`${escaped}: ${joined ? 'joined' : 'assigned, not joined'}`);
    await box.click();
    await expectCell(agent.agentId, 3, shown(!queue.joined));
    await page.waitForFunction(
      ([id, q, joined]) => {
        const host = document.querySelector('fv-agent-list')!.shadowRoot!;
        const input = host.querySelector<HTMLInputElement>(`dialog[open] input[name="${q}"]`);
        return input !== null && !input.disabled && input.checked === joined && host.querySelector(`[data-agent="${id}"]`) !== null;
      },
      [agent.agentId, queue.queueId, !queue.joined] as const,
      { timeout: STEP_MS },
    );
    await box.click();
    await page.waitForFunction(
      ([q, joined]) => {
        const input = document.querySelector('fv-agent-list')!.shadowRoot!.querySelector<HTMLInputElement>(`dialog[open] input[name="${q}"]`);
        return input !== null && !input.disabled && input.checked === joined;
      },
      [queue.queueId, queue.joined] as const,
      { timeout: STEP_MS },
    );
    await expectCell(agent.agentId, 3, shown(queue.joined));
    await list().locator('dialog[open]').getByRole('button', { name: 'Close' }).click();
    await list().locator('dialog[open]').waitFor({ state: 'detached' });
  });

  it('monitors a call, coaches, barges in, returns to monitor and ends monitoring', async () => {
    // The simulated call runs on the server's clock and may end mid-sequence on a slow machine:
    // then the sequence starts again on another call; a failure while the same call goes on is the widget's.
    for (let attempt = 1; ; attempt++) {
      // The most recently connected call is the likeliest to outlast the sequence.
      const rows = await liveRows();
      const onCall = rows
        .filter((a) => a.contactState === 'connected' && a.monitoredBy === null && a.contactSince)
        .sort((a, b) => Date.parse(b.contactSince!) - Date.parse(a.contactSince!));
      const agent = onCall[0] ?? (await pickAgent((a) => a.contactState === 'connected' && a.monitoredBy === null, 'on a call'));
      try {
        await focusOn(agent);
        for (const [item, shown] of [
          ['Monitor', /^You · Monitor$/],
          ['Private coach', /^You · Coach$/],
          ['Barge in', /^You · Barge$/],
          ['Return to monitor', /^You · Monitor$/],
          ['End monitoring', /^$/],
        ] as const) {
          await choose(agent.agentId, item);
          await expectCell(agent.agentId, 6, shown);
        }
        return;
      } catch (err) {
        const now = (await liveRows()).find((a) => a.agentId === agent.agentId);
        const sameCall = now?.contactState === 'connected' && now.contactSince === agent.contactSince;
        if (sameCall || attempt === 3) throw err;
        await page.keyboard.press('Escape');
      }
    }
  });

  it('signs an agent out after confirming', async () => {
    const agent = await pickAgent((a) => a.state !== 'signed_out' && a.contactState === 'idle', 'signed in and idle');
    await focusOn(agent);
    await choose(agent.agentId, 'Sign out');
    await list().locator('dialog[open]').getByRole('button', { name: 'Sign out' }).click();
    await expectCell(agent.agentId, 1, /^Signed out/);
  });

  it('shows the last week on the History tab, keyboard-reachable, and keeps the tab over a reload', async () => {
    await page.getByRole('tab', { name: 'Live floor' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected'), 'true');
    const answered = page.locator('fv-agent-stats').locator('[part=kpi]').first();
    await answered.waitFor({ timeout: STEP_MS });
    await page.waitForFunction(() => /\d/.test(document.querySelector('fv-agent-stats')!.shadowRoot!.querySelector('[part=kpi]')!.textContent!), null, { timeout: STEP_MS });
    await page.locator('fv-queue-history').locator('[part=kpi]').first().waitFor();
    await page.locator('fv-wrapup-stats').locator('[part=kpi]').first().waitFor();
    assert.ok(await list().isHidden(), 'the live floor is hidden while History is shown');
    await page.reload();
    await page.locator('fv-agent-stats').locator('[part=kpi]').first().waitFor({ timeout: STEP_MS });
    await page.getByRole('tab', { name: 'Live floor' }).click();
    await list().locator('[part=status]').getByText('Live').waitFor({ timeout: STEP_MS });
    assert.equal(new URL(page.url()).hash, '');
  });

  it('generates a wrap-up report on the Reports tab and offers it for download', async () => {
    await page.getByRole('tab', { name: 'Reports' }).click();
    const reports = page.locator('fv-wrapup-reports');
    await reports.getByRole('button', { name: 'Generate report' }).click();
    await reports.locator('[part~="row"]').first().getByText('Ready').waitFor({ timeout: STEP_MS });
    const [download] = await Promise.all([page.waitForEvent('download'), reports.locator('[part~="download-button"]').first().click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv, /^\uFEFF/, 'UTF-8 with a byte-order mark');
    assert.ok(csv.split('\r\n').length > 2, 'a header and rows');
    await page.getByRole('tab', { name: 'Live floor' }).click();
  });

  it('switches to Chinese and to the dark theme', async () => {
    await list().locator('input[type=search]').fill('');
    await page.locator('#lang').selectOption('zh-CN');
    await list().locator('[role=columnheader]').getByText('状态持续时间').waitFor();
    await page.locator('#theme').selectOption('dark');
    await list().locator('[part=base].dark').waitFor();
    assert.deepEqual(run.pageErrors, []);
  });
});
