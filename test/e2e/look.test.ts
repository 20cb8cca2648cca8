import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { AgentRow } from '../../contract/live.js';
import { waitUntil, WAIT_MS } from '../support/wait-until.js';
import { DEMO_DISPLAY_TOKEN, type E2eRun, liveRows, SIMULATED, startRun } from './e2e-run.js';
import { dialogProblems, menuProblems, overflowProblems } from './look-facts.js';

/**
 * The look of the demo, as a newcomer first sees it: every page signed out and
 * signed in, every widget, the row menu and each dialog, at a phone's 360 px, a
 * laptop's 1440 px and a 1920×1080 wallboard screen, in English and Chinese,
 * light and dark. Asserts layout facts that a screenshot would show broken
 * (dialogs centred with their content stacked, no text cut off unseen, menus
 * on screen) and that a normal session logs no console error and no failed
 * request. Screenshots go to artifacts/look/ (git-ignored; CI keeps them).
 *
 * Each run covers every state once. Rather than the whole cross product, the
 * runs give every viewport, language and scheme, and the narrow screen both
 * languages and both schemes (where text runs out of room first), to stay
 * within a few minutes. A problem is reported at the first step it shows.
 */
const RUNS = [
  { width: 360, height: 740, lang: 'en', theme: 'light' },
  { width: 360, height: 740, lang: 'zh-CN', theme: 'dark' },
  { width: 1440, height: 900, lang: 'zh-CN', theme: 'light' },
  { width: 1920, height: 1080, lang: 'en', theme: 'dark' },
] as const;
type Run = (typeof RUNS)[number];

const SHOTS = 'artifacts/look';

describe('the look of the demo', () => {
  let e2e: E2eRun;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startRun('look', 'floorview.js', SIMULATED);
  });
  after(() => e2e?.stop());

  for (const run of RUNS) {
    const name = `${run.width}-${run.lang}-${run.theme}`;
    it(`${run.width}×${run.height}, ${run.lang}, ${run.theme}: every page, widget, menu and dialog`, async () => {
      const look = await Look.open(e2e.browser, e2e.server.url, run, name);
      try {
        await look.pages();
      } catch (err) {
        await look.shot('failed');
        throw err;
      } finally {
        await look.close();
      }
      assert.deepEqual(look.problems, [], `${look.problems.length} problems; screenshots in ${SHOTS}/${name}-*.png`);
    });
  }
});

/** One run of the matrix: a browser context with its viewport, language and scheme, and the problems seen so far. */
class Look {
  readonly problems: string[] = [];
  private step = 'start';

  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly url: string,
    private readonly run: Run,
    private readonly name: string,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.problem(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problem(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) this.problem(`${r.status()} from ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    page.on('requestfailed', (r) => {
      // A navigation away aborts the page's stream and pending fetches: that is not a failure.
      if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) this.problem(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
  }

  static async open(browser: Browser, url: string, run: Run, name: string): Promise<Look> {
    const context = await browser.newContext({
      viewport: { width: run.width, height: run.height },
      locale: run.lang,
      colorScheme: run.theme,
    });
    // The demo pages keep their language and theme here; tsx names functions with __name, which page.evaluate carries along.
    await context.addInitScript(
      ([lang, theme]) => {
        (globalThis as unknown as { __name: unknown }).__name ??= (f: unknown) => f;
        localStorage.setItem('fv-demo-lang', lang);
        localStorage.setItem('fv-demo-theme', theme);
      },
      [run.lang, run.theme] as const,
    );
    return new Look(context, await context.newPage(), url, run, name);
  }

  close(): Promise<void> {
    return this.context.close();
  }

  private readonly seen = new Set<string>();

  private problem(text: string): void {
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.problems.push(`${this.step}: ${text}`);
  }

  /** Measures the layout facts and saves a screenshot of what they were measured on. */
  private async check(step: string, { fullPage = true } = {}): Promise<void> {
    this.step = step;
    // Fonts and the last render settle before measuring.
    await this.page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    for (const p of await this.page.evaluate(dialogProblems)) this.problem(p);
    for (const p of await this.page.evaluate(menuProblems)) this.problem(p);
    for (const p of await this.page.evaluate(overflowProblems)) this.problem(p);
    await this.page.screenshot({ path: join(SHOTS, `${this.name}-${step}.png`), fullPage });
  }

  /** What the page showed when a step did not come about. */
  async shot(step: string): Promise<void> {
    await this.page.screenshot({ path: join(SHOTS, `${this.name}-${step}.png`), fullPage: true }).catch(() => {});
  }

  private goto(path: string, step: string) {
    this.step = step;
    return this.page.goto(`${this.url}${path}`);
  }

  async pages(): Promise<void> {
    await this.signedOut();
    await this.liveFloor();
    await this.history();
    await this.reports();
    await this.embedSignedIn();
    await this.agentDesk();
    await this.wallboard();
  }

  /** Before any sign-in: the demo's form, and each widget's own signed-out state on the portal page and the desk. */
  private async signedOut(): Promise<void> {
    const page = this.page;
    await this.goto('/', 'sign-in');
    await page.locator('#sign-in').waitFor({ timeout: WAIT_MS });
    // The README tells a newcomer to sign in as admin: the form offers just that.
    assert.equal(await page.locator('#sign-in input[name=email]').inputValue(), 'admin@example.com');
    await this.check('sign-in');

    await this.goto('/embed.html', 'embed-signed-out');
    await this.portalLanguage();
    await page.locator('fv-agent-list').locator('form[part=sign-in]').waitFor({ timeout: WAIT_MS });
    await page.locator('fv-queue-realtime[connection=unauthenticated]').waitFor({ timeout: WAIT_MS });
    await this.check('embed-signed-out');

    await this.goto('/agent.html', 'desk-signed-out');
    await page.locator('fv-agent-desk').locator('form').first().waitFor({ timeout: WAIT_MS });
    await this.check('desk-signed-out');
  }

  /** The portal page is in English; a portal in Chinese or dark would set these on its widgets. */
  private async portalLanguage(): Promise<void> {
    await this.page.evaluate(
      ([lang, theme]) => {
        for (const el of document.querySelectorAll('fv-agent-list, fv-queue-realtime')) {
          el.setAttribute('lang', lang);
          el.setAttribute('theme', theme);
        }
      },
      [this.run.lang, this.run.theme] as const,
    );
  }

  private list(): Locator {
    return this.page.locator('fv-agent-list');
  }

  /** Signed in as admin: the live queues and agents, the row menu, each of its dialogs, the chat panel. */
  private async liveFloor(): Promise<void> {
    const page = this.page;
    await this.goto('/', 'live');
    await page.locator('#sign-in button[type=submit]').click();
    await page.locator('fv-agent-list[connection=live]').waitFor({ timeout: WAIT_MS });
    await page.locator('fv-queue-realtime[connection=live]').waitFor({ timeout: WAIT_MS });
    // The list renders only the rows in the window: bring it into view first.
    await this.list().scrollIntoViewIfNeeded();
    await this.list().locator('[part~="row"]').first().waitFor({ timeout: WAIT_MS });
    await this.check('live');

    // A signed-in agent has every entry (state and sign-out need one); filtering to them keeps the row still.
    // The longest name is the hardest case for every title and dialog, and makes the run independent of who is signed in.
    const longestFirst = (rows: AgentRow[]) => rows.filter((a) => a.state !== 'signed_out' && a.queues.length > 1).sort((a, b) => b.name.length - a.name.length);
    const agent = await waitUntil(async () => longestFirst(await liveRows(page))[0], 'a signed-in agent with two queues on the floor', { intervalMs: 250 });
    await this.list().locator('input[type=search]').fill(agent.name);
    const actions = this.list().locator(`[data-actions="${agent.agentId}"]`);
    await actions.waitFor({ timeout: WAIT_MS });
    await actions.click();
    await page.locator('fv-agent-list [role=menu] [role=menuitem]').first().waitFor({ timeout: WAIT_MS });
    await this.check('menu', { fullPage: false });

    for (const entry of ['queues', 'state', 'sign-out'] as const) {
      if (!(await page.locator('fv-agent-list [role=menu]').isVisible())) await actions.click();
      await this.list().locator(`[role=menu] [data-entry="${entry}"]`).click();
      await this.list().locator('dialog[open]').waitFor({ timeout: WAIT_MS });
      await this.check(`dialog-${entry}`, { fullPage: false });
      await page.keyboard.press('Escape');
      await this.list().locator('dialog[open]').waitFor({ state: 'detached', timeout: WAIT_MS });
    }

    await actions.click();
    await this.list().locator('[role=menu] [data-entry="chat"]').click();
    await page.locator('#chat-panel:not([hidden])').waitFor({ timeout: WAIT_MS });
    await page.locator('fv-chat').locator('textarea').waitFor({ timeout: WAIT_MS });
    await this.check('chat');
    await page.evaluate(() => ((document.getElementById('chat-panel') as HTMLElement).hidden = true));
    await this.list().locator('input[type=search]').fill('');
  }

  /** The three history widgets with their charts, and the calls behind a figure. */
  private async history(): Promise<void> {
    const page = this.page;
    this.step = 'history';
    await page.locator('#tab-history').click();
    for (const tag of ['fv-agent-stats', 'fv-queue-history', 'fv-wrapup-stats']) {
      await page.locator(tag).locator('[part=kpi]').first().waitFor({ timeout: WAIT_MS });
      await page.locator(tag).locator('[part=chart] canvas').first().waitFor({ timeout: WAIT_MS });
    }
    await this.check('history');

    await page.locator('fv-queue-history').locator('[part=kpi] button.figure').first().click();
    const dialog = page.locator('fv-queue-history').locator('dialog[open]');
    await dialog.locator('tbody tr').first().waitFor({ timeout: WAIT_MS });
    await this.check('dialog-calls', { fullPage: false });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: WAIT_MS });
  }

  private async reports(): Promise<void> {
    const page = this.page;
    this.step = 'reports';
    await page.locator('#tab-reports').click();
    await page.locator('fv-wrapup-reports').locator('[part=generate-button]:enabled').waitFor({ timeout: WAIT_MS });
    await this.check('reports');
  }

  /** The portal page once the session exists: the widgets on the portal's own styles. */
  private async embedSignedIn(): Promise<void> {
    await this.goto('/embed.html', 'embed');
    await this.portalLanguage();
    await this.page.locator('fv-agent-list[connection=live]').waitFor({ timeout: WAIT_MS });
    await this.page.locator('fv-queue-realtime[connection=live]').waitFor({ timeout: WAIT_MS });
    // The list renders only the rows in the window: bring it into view first.
    await this.list().scrollIntoViewIfNeeded();
    await this.list().locator('[part~="row"]').first().waitFor({ timeout: WAIT_MS });
    await this.check('embed');
  }

  private async agentDesk(): Promise<void> {
    await this.goto('/agent.html?agent=a-007', 'desk');
    await this.page.locator('fv-agent-desk[connection=live]').waitFor({ timeout: WAIT_MS });
    await this.page.locator('fv-agent-desk').locator('[part=state]').waitFor({ timeout: WAIT_MS });
    await this.check('desk');
  }

  private async wallboard(): Promise<void> {
    await this.goto(`/wallboard.html?token=${DEMO_DISPLAY_TOKEN}&lang=${this.run.lang}&theme=${this.run.theme}`, 'wallboard');
    await this.page.locator('fv-queue-realtime[connection=live]').waitFor({ timeout: WAIT_MS });
    await this.page.locator('fv-queue-realtime').locator('[part~=tile]').first().waitFor({ timeout: WAIT_MS });
    await this.check('wallboard', { fullPage: false });
    // A wall screen is not scrolled: on a 1080p one the demo's eight queues and their total show whole.
    if (this.run.height >= 1080) {
      const cut = await this.page.evaluate(() => {
        const root = document.querySelector('fv-queue-realtime')!.shadowRoot!;
        const bottom = root.querySelector('.figures')!.getBoundingClientRect().bottom;
        return [...root.querySelectorAll<HTMLElement>('[part~=tile]')].filter((t) => t.getBoundingClientRect().bottom > bottom + 0.5).map((t) => t.dataset.queue);
      });
      for (const queue of cut) this.problem(`the tile of ${queue} is cut off`);
    }
  }
}
