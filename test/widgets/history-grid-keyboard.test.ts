import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './support/resize-observer.js';
import '../../widgets/agent-stats/define.js';
import '../../widgets/queue-history/define.js';
import '../../widgets/wrapup-stats/define.js';
import type { FvDrillDownEvent } from '../../widgets/history-common/events.js';
import { waitUntil } from '../support/wait-until.js';
import { historyCalls, HISTORY_DAY } from './support/history-calls.js';
import { root } from './support/history-dom.js';
import { startAsAva, type TestServer } from './support/test-server.js';

/** Issue 14 item 5: every history table is one Tab stop, with the arrow keys (the ARIA grid pattern) inside. */
describe('history tables as keyboard grids', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(historyCalls)));
  after(() => server.close());

  type Widget = HTMLElement & { updateComplete: Promise<boolean> };
  /** The focused element, inside the widget's shadow root when focus is there. */
  const focused = (el: Element) => root(el).activeElement ?? document.activeElement;
  const table = (el: Element) => root(el).querySelector<HTMLTableElement>('.table-section table')!;
  const cellOf = (node: Element | null) => node?.closest('th, td') as HTMLTableCellElement | null;
  const at = (el: Element) => {
    const cell = cellOf(focused(el));
    return cell ? [(cell.parentElement as HTMLTableRowElement).rowIndex, cell.cellIndex] : null;
  };
  const press = async (el: Widget, key: string) => {
    const [modifier, name] = key.includes('+') ? key.split('+') : [null, key];
    if (modifier) await sendKeys({ down: modifier });
    await sendKeys({ press: name! });
    if (modifier) await sendKeys({ up: modifier });
    await el.updateComplete;
  };

  const widget = async (tag: 'fv-agent-stats' | 'fv-queue-history' | 'fv-wrapup-stats') => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="before">before</button>
      ${tag === 'fv-agent-stats'
        ? html`<fv-agent-stats api=${server.url} token=${token} time-zone="UTC" range="custom" from=${HISTORY_DAY} to=${HISTORY_DAY}></fv-agent-stats>`
        : tag === 'fv-queue-history'
          ? html`<fv-queue-history api=${server.url} token=${token} time-zone="UTC" range="custom" from=${HISTORY_DAY} to=${HISTORY_DAY}></fv-queue-history>`
          : html`<fv-wrapup-stats api=${server.url} token=${token} time-zone="UTC" range="custom" from=${HISTORY_DAY} to=${HISTORY_DAY}></fv-wrapup-stats>`}
      <button id="after">after</button>
    </div>`);
    const el = wrapper.querySelector<Widget>(tag)!;
    await waitUntil(() => root(el).querySelector('.table-section tbody tr'), 'table shown');
    await el.updateComplete;
    return { el, before: wrapper.querySelector<HTMLButtonElement>('#before')!, after: wrapper.querySelector<HTMLButtonElement>('#after')! };
  };

  it('is one Tab stop per table: Tab reaches the table once and the next Tab leaves it', async function () {
    // Some 25 key presses, each a round trip to the browser: room for a busy machine.
    (this as { timeout(ms: number): void }).timeout(60_000);
    const { el, before, after } = await widget('fv-agent-stats');
    const grid = table(el);
    // Plenty of drill-down buttons in the table, none of them a Tab stop of its own.
    expect(grid.querySelectorAll('tbody button.figure').length).to.be.greaterThan(5);
    before.focus();
    const stops: Element[] = [];
    for (let i = 0; i < 80 && document.activeElement !== after; i++) {
      await sendKeys({ press: 'Tab' });
      if (document.activeElement === el) stops.push(focused(el)!);
    }
    expect(document.activeElement, 'Tab got through the widget').to.equal(after);
    const inTable = stops.map((s, i) => [i, grid.contains(s)] as const).filter(([, inside]) => inside);
    expect(inTable.length, 'stops inside the table').to.equal(1);
    const [index] = inTable[0]!;
    expect(grid.contains(stops[index + 1] ?? null), 'the next Tab leaves the table').to.equal(false);
  });

  it('moves with the arrow keys, Home, End, Ctrl+Home, Ctrl+End and PageDown; the cell visited keeps the Tab stop', async () => {
    const { el } = await widget('fv-agent-stats');
    const grid = table(el);
    expect(grid.getAttribute('role')).to.equal('grid');
    const rows = grid.rows.length;
    const cols = grid.rows[0]!.cells.length;
    grid.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    expect(at(el)).to.deep.equal([0, 0]);
    await press(el, 'ArrowDown');
    expect(at(el)).to.deep.equal([1, 0]);
    // A row header takes the focus itself; screen readers read it as the row's header.
    expect(focused(el)!.matches('tbody th[scope=row]')).to.equal(true);
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(at(el)).to.deep.equal([1, 2]);
    await press(el, 'ArrowLeft');
    expect(at(el)).to.deep.equal([1, 1]);
    await press(el, 'End');
    expect(at(el)).to.deep.equal([1, cols - 1]);
    await press(el, 'Home');
    expect(at(el)).to.deep.equal([1, 0]);
    await press(el, 'Control+End');
    expect(at(el)).to.deep.equal([rows - 1, cols - 1]);
    await press(el, 'ArrowDown');
    expect(at(el), 'stops at the last row').to.deep.equal([rows - 1, cols - 1]);
    await press(el, 'Control+Home');
    expect(at(el)).to.deep.equal([0, 0]);
    await press(el, 'PageDown');
    expect(at(el)).to.deep.equal([Math.min(10, rows - 1), 0]);
    await press(el, 'ArrowUp');
    await press(el, 'ArrowRight');
    const visited = focused(el)!;
    expect([...grid.querySelectorAll('[tabindex="0"]')]).to.deep.equal([visited]);
    expect(grid.querySelectorAll('button:not([tabindex])').length, 'no button outside the roving tabindex').to.equal(0);
  });

  it('opens the calls behind a count with Enter, and sorts with Enter on a heading', async () => {
    const { el } = await widget('fv-agent-stats');
    const grid = table(el);
    grid.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    // Down to 李娜's row, then right to her bounced count (the fifth column).
    for (let i = 0; i < grid.rows.length && !grid.rows[at(el)![0]!]!.textContent!.includes('李娜'); i++) await press(el, 'ArrowDown');
    for (let i = 0; i < 4; i++) await press(el, 'ArrowRight');
    expect(focused(el)!.matches('button.figure')).to.equal(true);
    const event = oneEvent(el, 'fv-drill-down') as Promise<FvDrillDownEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await event).query).to.include({ by: 'agent', agent: 'a-1', outcome: 'bounced' });
    const dialog = root(el).querySelector('dialog.calls')!;
    await waitUntil(() => dialog.querySelectorAll('tbody tr').length === 1, 'one call listed');
    // The dialog's call list is a grid too: one Tab stop.
    const calls = dialog.querySelector('table')!;
    expect(calls.getAttribute('role')).to.equal('grid');
    expect(calls.querySelectorAll('[tabindex="0"]').length).to.equal(1);
    dialog.querySelector<HTMLButtonElement>('.dialog-actions .primary')!.click();
    await waitUntil(() => !root(el).querySelector('dialog.calls'), 'dialog closed');

    grid.querySelector<HTMLElement>('thead .sort')!.focus();
    await press(el, 'ArrowRight');
    const queueHeading = focused(el)!;
    expect(queueHeading.closest('th')!.textContent).to.contain('Queue');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(queueHeading.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(grid.querySelectorAll('[tabindex="0"]').length, 'still one Tab stop after sorting').to.equal(1);
  });

  for (const tag of ['fv-queue-history', 'fv-wrapup-stats'] as const) {
    it(`${tag}: each table is a grid with exactly one Tab stop`, async () => {
      const { el } = await widget(tag);
      const grids = [...root(el).querySelectorAll<HTMLTableElement>('.table-section table')];
      expect(grids.length).to.be.greaterThan(0);
      for (const grid of grids) {
        expect(grid.getAttribute('role')).to.equal('grid');
        expect(grid.querySelectorAll('[tabindex="0"]').length).to.equal(1);
        expect(grid.querySelectorAll('button:not([tabindex])').length, 'no button outside the roving tabindex').to.equal(0);
      }
      const first = grids[0]!;
      first.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
      await press(el as Widget, 'ArrowDown');
      expect(cellOf(focused(el))!.closest('table')).to.equal(first);
      expect(at(el)).to.deep.equal([1, 0]);
    });
  }
});
