import { fixture, html } from '@open-wc/testing';
import type { FvAgentList } from '../../../widgets/agent-list/agent-list.js';
import { waitUntil } from '../../support/wait-until.js';
import { standardFloor, startAsAva, type TestServer } from './test-server.js';

/** Reading the agent list's shadow DOM the way a user sees it. */

export const root = (el: FvAgentList) => el.shadowRoot!;

export function rows(el: FvAgentList): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')];
}

/** Agent names in display order (the virtualizer renders rows in order, positioned by transform). */
export function names(el: FvAgentList): string[] {
  return rows(el)
    .map((r) => ({ top: r.getBoundingClientRect().top, name: r.querySelector('.agent-name')!.textContent!.trim() }))
    .sort((a, b) => a.top - b.top)
    .map((r) => r.name);
}

export function row(el: FvAgentList, agentId: string): HTMLElement | null {
  return root(el).querySelector<HTMLElement>(`[part~="row"][data-agent="${agentId}"]`);
}

/** What a screen reader reads in each cell of an agent's row (text outside `aria-hidden`), whitespace collapsed. */
export function cells(el: FvAgentList, agentId: string): string[] {
  const r = row(el, agentId);
  if (!r) return [];
  return [...r.querySelectorAll(':scope > [role=cell], :scope > [role=rowheader]')].map((c) => {
    const copy = c.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('[aria-hidden=true]')) hidden.remove();
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Waits until the rendered rows show `expected` (the virtualizer lays rows out after the widget's own update). */
export async function waitForNames(el: FvAgentList, expected: string[]): Promise<void> {
  await waitUntil(() => JSON.stringify(names(el)) === JSON.stringify(expected), `expected ${expected.join(', ')}; saw ${names(el).join(', ')}`);
}

export async function waitForRows(el: FvAgentList, count: number): Promise<void> {
  await waitUntil(() => rows(el).length === count, `expected ${count} rows, saw ${rows(el).length}`);
}

export async function openMenu(el: FvAgentList, agentId: string): Promise<HTMLElement> {
  root(el).querySelector<HTMLButtonElement>(`[data-actions="${agentId}"]`)!.click();
  await waitUntil(() => root(el).querySelector('#action-menu:popover-open'), 'menu opens');
  return root(el).querySelector<HTMLElement>('#action-menu')!;
}

export function menuItems(el: FvAgentList): string[] {
  return [...root(el).querySelectorAll('#action-menu button[role=menuitem]')].map((b) => b.textContent!.trim());
}

export async function choose(el: FvAgentList, agentId: string, item: string): Promise<void> {
  const menu = await openMenu(el, agentId);
  const button = [...menu.querySelectorAll<HTMLButtonElement>('button[role=menuitem]')].find((b) => b.textContent!.trim() === item);
  if (!button) throw new Error(`no menu item "${item}" for ${agentId}: ${menuItems(el).join(', ')}`);
  button.click();
}

export function dialog(el: FvAgentList): HTMLDialogElement | null {
  return root(el).querySelector('dialog[open]');
}

/** A fresh server with the standard floor, and Ava's agent list on it once its five rows and their actions (offered once /auth/me answered) are there. */
export async function actionableList(): Promise<{ server: TestServer; el: FvAgentList }> {
  const { server, token } = await startAsAva(standardFloor);
  const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} style="height: 600px"></fv-agent-list>`);
  await waitForRows(el, 5);
  await waitUntil(() => root(el).querySelector('[data-actions]'), 'actions offered once /auth/me answered');
  return { server, el };
}
