import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { listenOnLoopback } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { DEMO_DISPLAY_TOKEN, type E2eRun, liveRows, SIMULATED, startRun, STEP_MS } from './e2e-run.js';

/**
 * Issue 13 defect 8: every served page under a strict Content-Security-Policy (scripts and styles from
 * the server's files only), used as a supervisor uses it in Chromium with not one violation; framing
 * allowed to this server and the allowed portals only (CSP frame-ancestors, no X-Frame-Options).
 * The portals are pages on other ports of 127.0.0.1: other origins of the same site, so the framed
 * wallboard keeps its cookie as it would under a portal on a sibling subdomain.
 */
describe('content security policy, in Chromium', () => {
  let run: E2eRun;
  let allowedPortal: Server;
  let otherPortal: Server;
  let allowedOrigin: string;
  let otherOrigin: string;
  let context: BrowserContext;
  /** Every violation and console error seen in any page or frame, with where it happened. */
  const problems: string[] = [];

  /** A portal page that frames the wallboard and marks itself when the frame has loaded, whatever it loaded. */
  const portal = (): Server =>
    createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><title>portal</title>
         <iframe id="wall" width="1000" height="700" src="${run.server.url}/wallboard.html?token=${DEMO_DISPLAY_TOKEN}"></iframe>
         <script>document.getElementById('wall').addEventListener('load', () => { document.body.dataset.frameLoaded = 'yes'; });</script>`,
      );
    });

  before(async () => {
    allowedPortal = portal();
    otherPortal = portal();
    allowedOrigin = await listenOnLoopback(allowedPortal);
    otherOrigin = await listenOnLoopback(otherPortal);
    run = await startRun('csp', 'floorview.js', { ...SIMULATED, FLOORVIEW_ALLOWED_ORIGINS: allowedOrigin });
    context = await run.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(STEP_MS);
    // In every page and frame, before any of its scripts: each violation goes to the test. The event is
    // composed, so one in a widget's shadow root reaches the document too.
    await context.exposeBinding('reportViolation', ({ frame }, text: string) => problems.push(`${frame.url()}: ${text}`));
    await context.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => (globalThis as unknown as { reportViolation(t: string): void }).reportViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
        true,
      );
    });
    context.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${m.page()?.url()} console: ${m.text()}`);
    });
    context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
  });

  after(async () => {
    await run?.stop();
    allowedPortal?.close();
    otherPortal?.close();
  });

  // Each test answers for what happened during it.
  beforeEach(() => {
    problems.length = 0;
  });

  /** Moves the mouse over a chart and waits for echarts' tooltip (HTML it writes into the widget's shadow root) to show text. */
  const showTooltip = async (page: Page, widget: string, chart: string) => {
    const box = page.locator(`${widget} ${chart}`).first();
    await box.scrollIntoViewIfNeeded();
    const at = (await box.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.waitForFunction(
      ([host, selector]) => {
        const container = document.querySelector(host)?.shadowRoot?.querySelector(selector);
        // echarts adds the tooltip beside its canvas wrapper, inside the chart's container.
        return [...(container?.children ?? [])].some((c) => !c.querySelector('canvas') && getComputedStyle(c).display !== 'none' && c.textContent!.trim() !== '');
      },
      [widget, chart] as const,
      { timeout: STEP_MS },
    );
  };

  it('sends the policy, and no X-Frame-Options, with every page under demo/', async () => {
    const pages = ['/', ...readdirSync('demo').filter((f) => f.endsWith('.html')).map((f) => `/${f}`)];
    assert.ok(pages.includes('/wallboard.html') && pages.includes('/agent.html') && pages.includes('/embed.html'), pages.join(' '));
    for (const path of [...pages, '/demo.css', '/docs/', '/docs/docs.css', '/docs/docs.js', '/widgets/floorview.js', '/api/v1/health']) {
      const res = await fetch(`${run.server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /(^|; )default-src 'self'(;|$)/, `${path}: ${csp}`);
      assert.match(csp, /(^|; )script-src 'self'(;|$)/, `${path}: ${csp}`);
      assert.match(csp, /(^|; )style-src 'self'(;|$)/, `${path}: ${csp}`);
      assert.match(csp, /(^|; )object-src 'none'(;|$)/, `${path}: ${csp}`);
      assert.match(csp, /(^|; )base-uri 'none'(;|$)/, `${path}: ${csp}`);
      assert.ok(csp.split('; ').includes(`frame-ancestors 'self' ${allowedOrigin}`), `${path}: ${csp}`);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(res.headers.get('x-frame-options'), null, `${path}: frame-ancestors replaces X-Frame-Options`);
      await res.arrayBuffer();
    }
  });

  it('the demo page through a supervisor session: live list, a dialog, chat, history charts and their tooltips, a report', async () => {
    const page = await context.newPage();
    await page.goto(run.server.url);
    await page.locator('#sign-in input[name=email]').fill('admin@example.com');
    await page.locator('#sign-in input[name=password]').fill('floorview-demo');
    await page.locator('#sign-in button[type=submit]').click();
    const list = page.locator('fv-agent-list');
    await list.locator('[part=status]').getByText('Live').waitFor();
    await list.scrollIntoViewIfNeeded();
    await list.locator('[part~="row"]').first().waitFor();

    // The live queues' trend chart and its tooltip.
    await page.locator('fv-queue-realtime [part=chart] canvas').first().waitFor();
    await showTooltip(page, 'fv-queue-realtime', '[part=chart]');

    // An action menu (the lazily loaded actions chunk) and a dialog from it, then closed again.
    const agent = await waitUntil(
      async () => (await liveRows(page)).find((a) => a.state === 'available' && a.contactState === 'idle'),
      'an available agent with no call',
      { timeoutMs: STEP_MS, intervalMs: 250 },
    );
    await list.locator('input[type=search]').fill(agent.name);
    await list.locator(`[data-actions="${agent.agentId}"]`).click();
    await page.getByRole('menuitem', { name: 'Change state', exact: true }).click();
    await list.locator('dialog[open]').waitFor();
    await list.locator('dialog[open] input[value=unavailable]').check();
    await page.keyboard.press('Escape');
    await list.locator('dialog[open]').waitFor({ state: 'detached' });

    // Chat: the panel opens, a message goes out and is delivered.
    await list.locator(`[data-actions="${agent.agentId}"]`).click();
    await page.getByRole('menuitem', { name: 'Chat', exact: true }).click();
    const chat = page.locator('fv-chat');
    await chat.locator('h2').getByText(`Chat with ${agent.name}`).waitFor();
    await chat.locator('textarea').fill('Checking in — all good?');
    await chat.locator('textarea').press('Enter');
    await chat.locator('[part~=receipt]').getByText('Delivered').waitFor();

    // History: every chart drawn by echarts, and a tooltip on each kind.
    await page.getByRole('tab', { name: 'History' }).click();
    for (const widget of ['fv-agent-stats', 'fv-queue-history', 'fv-wrapup-stats']) await page.locator(`${widget} [part=chart] canvas`).first().waitFor();
    for (const widget of ['fv-agent-stats', 'fv-queue-history', 'fv-wrapup-stats']) await showTooltip(page, widget, '[data-chart=trend]');

    // Reports: one generated and ready.
    await page.getByRole('tab', { name: 'Reports' }).click();
    const reports = page.locator('fv-wrapup-reports');
    await reports.getByRole('button', { name: 'Generate report' }).click();
    await reports.locator('[part~="row"]').first().getByText('Ready').waitFor();

    // The other theme and language repaint every widget.
    await page.getByRole('tab', { name: 'Live floor' }).click();
    await page.locator('#theme').selectOption('dark');
    await page.locator('#lang').selectOption('zh-CN');
    await list.locator('[part=base].dark').waitFor();
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('the embedding example, the agent desk and the wallboard: no violation', async () => {
    const page = await context.newPage();
    // The supervisor's cookie from the last test signs the embedded list in.
    await page.goto(`${run.server.url}/embed.html`);
    await page.locator('fv-queue-realtime [part~="tile"]').first().waitFor();
    // The live queues sit above the list; its virtualizer renders only rows inside the window.
    await page.locator('fv-agent-list').scrollIntoViewIfNeeded();
    await page.locator('fv-agent-list [part~="row"]').first().waitFor();

    await page.goto(`${run.server.url}/agent.html?agent=a-007`);
    await page.locator('fv-agent-desk h2').first().waitFor();
    await page.locator('fv-agent-desk [part=state]').first().waitFor();

    await page.goto(`${run.server.url}/wallboard.html?token=${DEMO_DISPLAY_TOKEN}`);
    await page.waitForFunction(() => document.querySelector('fv-queue-realtime')?.getAttribute('connection') === 'live', null, { timeout: STEP_MS });
    await page.locator('fv-queue-realtime [part~="tile"]').first().waitFor();
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('the widgets\' docs page: every live example running, no violation', async () => {
    const page = await context.newPage();
    await page.goto(`${run.server.url}/docs/`);
    // Signed in by an earlier test's cookie, or through the page's own form.
    await page.locator('#who:not([hidden]), #sign-in:not([hidden])').first().waitFor();
    if (await page.locator('#sign-in').isVisible()) await page.locator('#sign-in button[type=submit]').click();
    const example = (tag: string) => page.locator(`.live[data-tag="${tag}"]`);
    await example('fv-agent-list').scrollIntoViewIfNeeded();
    await example('fv-agent-list').locator('fv-agent-list [part~="row"]').first().waitFor();
    await example('fv-provider').locator('fv-queue-realtime[connection=live] [part~="tile"]').first().waitFor();
    await example('fv-chat').locator('fv-chat [part=log]').waitFor();
    await example('fv-agent-desk').locator('fv-agent-desk [part=state]').waitFor();
    for (const tag of ['fv-agent-stats', 'fv-queue-history', 'fv-wrapup-stats']) {
      await example(tag).scrollIntoViewIfNeeded();
      await example(tag).locator('[part=chart] canvas').first().waitFor();
    }
    await example('fv-wrapup-reports').locator('fv-wrapup-reports [part=header]').waitFor();
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('lets an allowed portal frame the wallboard, live', async () => {
    const page = await context.newPage();
    await page.goto(allowedOrigin);
    const wall = page.frameLocator('#wall');
    await wall.locator('fv-queue-realtime[connection=live]').waitFor();
    await wall.locator('fv-queue-realtime [part~="tile"]').first().waitFor();
    await page.close();
    assert.deepEqual(problems, []);
  });

  it('refuses the frame to a page of another origin that is not an allowed portal', async () => {
    const page = await context.newPage();
    const refused = (text: string) => /^Framing .* violates .*"frame-ancestors 'self' (\S+)"/.exec(text)?.[1] === allowedOrigin;
    const refusal = page.waitForEvent('console', (m) => refused(m.text()));
    await page.goto(otherOrigin);
    await refusal;
    await page.waitForFunction(() => document.body.dataset.frameLoaded === 'yes', null, { timeout: STEP_MS });
    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(frame);
    assert.equal(frame.url(), 'chrome-error://chromewebdata/', 'Chromium shows its error page in place of the wallboard');
    assert.equal(await frame.locator('fv-queue-realtime').count(), 0);
    await page.close();
    // The refusal is the one error expected here.
    assert.deepEqual(
      problems.filter((p) => !refused(p.replace(/^.*? console: /, ''))),
      [],
    );
  });
});
