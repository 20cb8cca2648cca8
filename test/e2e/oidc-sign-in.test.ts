import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CLIENT_ID, CLIENT_SECRET, startOidcProvider, type TestIssuer } from '../support/oidc-provider.js';
import { freePort } from '../support/server-process.js';
import { type E2eRun, SIMULATED, startRun } from './e2e-run.js';

interface DemoCentre {
  agents: { id: string; queues: string[] }[];
  supervisors: { email: string; queues: string[] }[];
}
const demo = JSON.parse(readFileSync('demo/centre.json', 'utf8')) as DemoCentre;
/** How many agents a supervisor of the demo centre oversees: those in any of their queues. */
const agentsOf = (email: string) => {
  const queues = new Set(demo.supervisors.find((s) => s.email === email)!.queues);
  return demo.agents.filter((a) => a.queues.some((q) => queues.has(q))).length;
};

/**
 * "Sign in with <provider>" in the system Chromium: the standalone pages → the real provider's
 * login and consent pages (oidc-provider) → back on the page with the session cookie.
 */
describe('sign-in with the OpenID provider, end to end', () => {
  let idp: TestIssuer;
  let run: E2eRun;

  before(async () => {
    const port = await freePort();
    idp = await startOidcProvider({ redirectUris: [`http://127.0.0.1:${port}/api/v1/auth/oidc/callback`] });
    run = await startRun('sso', 'floorview.js', {
      ...SIMULATED,
      PORT: String(port),
      FLOORVIEW_OIDC_ISSUER: idp.issuer,
      FLOORVIEW_OIDC_CLIENT_ID: CLIENT_ID,
      FLOORVIEW_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      FLOORVIEW_OIDC_PROVIDER_NAME: 'Contoso',
    });
  });
  after(async () => {
    await run?.stop();
    await idp?.close();
  });

  /** What the person does on the provider's development pages: any password signs the login in, then consent. */
  const signInAtProvider = async (page: Page, login: string) => {
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  };
  const countOf = async (page: Page) => (await page.locator('fv-agent-list .count').innerText()).replace(/\s+/g, ' ');

  it('signs a supervisor in from the demo page and comes back to it showing their scope', async () => {
    const page = await run.page({ width: 1400, height: 1000 });
    await page.goto(run.server.url);
    const button = page.getByRole('link', { name: 'Sign in with Contoso' });
    await button.focus();
    await page.keyboard.press('Enter');
    await signInAtProvider(page, 'ava@example.com');
    await page.waitForURL(`${run.server.url}/`);
    await page.locator('#who').getByText('Signed in as Ava').waitFor();
    await page.locator('fv-agent-list [part=status]').getByText('Live').waitFor();
    await page.waitForFunction(() => document.querySelector('fv-agent-list')?.shadowRoot?.querySelector('.count')?.textContent?.includes('agents'));
    assert.match(await countOf(page), new RegExp(`of ${agentsOf('ava@example.com')} agents`));
  });

  it('signs an agent in at the agent desk', async () => {
    const page = await run.page({ width: 1000, height: 900 });
    await page.goto(`${run.server.url}/agent.html`);
    await page.locator('fv-agent-desk').getByRole('link', { name: 'Sign in with Contoso' }).click();
    await signInAtProvider(page, 'li.na@example.com');
    await page.waitForURL(`${run.server.url}/agent.html`);
    await page.locator('fv-agent-desk [part=header] h2').getByText('李娜').waitFor();
    await page.locator('#sign-out').waitFor({ state: 'visible' });
  });

  it('signs in from a widget’s own sign-in form on a standalone page', async () => {
    const page = await run.page({ width: 1400, height: 1000 });
    await page.goto(`${run.server.url}/embed.html`);
    await page.locator('fv-agent-list').getByRole('link', { name: 'Sign in with Contoso' }).click();
    await signInAtProvider(page, 'ben@example.com');
    await page.waitForURL(`${run.server.url}/embed.html`);
    await page.waitForFunction(() => document.querySelector('fv-agent-list')?.shadowRoot?.querySelector('.count')?.textContent?.includes('agents'));
    assert.match(await countOf(page), new RegExp(`of ${agentsOf('ben@example.com')} agents`));
  });

  it('refuses someone the directory does not list, saying why, and signs no one in', async () => {
    const page = await run.page();
    await page.goto(run.server.url);
    await page.getByRole('link', { name: 'Sign in with Contoso' }).click();
    await signInAtProvider(page, 'mallory@example.com');
    await page.waitForURL((url) => url.pathname === '/api/v1/auth/oidc/callback');
    assert.match(await page.locator('body').innerText(), /not_in_directory.*mallory@example\.com/s);
    const probe = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    assert.deepEqual(probe, { signedIn: false });
    assert.deepEqual(run.pageErrors, []);
  });
});
