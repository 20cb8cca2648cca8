import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-stats/define.js';
import type { FvAgentStats } from '../../widgets/agent-stats/agent-stats.js';
import { waitUntil } from '../support/wait-until.js';
import { historyCalls, HISTORY_DAY } from './support/history-calls.js';
import { startAsAva, type TestServer } from './support/test-server.js';

/** Issue 14 item 6: on a phone's width a history table scrolls in its own box, names stay in view, no text is cut unseen. */
describe('history tables at 360 px', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(historyCalls)));
  after(() => server.close());

  const narrow = async (lang: 'en' | 'zh-CN') => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px">
      <fv-agent-stats api=${server.url} token=${token} lang=${lang} time-zone="UTC" range="custom" from=${HISTORY_DAY} to=${HISTORY_DAY}></fv-agent-stats>
    </div>`);
    const el = wrapper.querySelector<FvAgentStats>('fv-agent-stats')!;
    await waitUntil(() => el.shadowRoot!.querySelector('.table-section tbody tr'), 'table shown');
    await el.updateComplete;
    return el.shadowRoot!;
  };

  it('scrolls the table sideways in its own box, the name column staying put', async () => {
    const root = await narrow('en');
    const wrap = root.querySelector<HTMLElement>('.table-section .table-wrap')!;
    expect(getComputedStyle(wrap).overflowX).to.equal('auto');
    expect(wrap.scrollWidth, 'more columns than fit').to.be.greaterThan(wrap.clientWidth);
    expect(wrap.getBoundingClientRect().width, 'the box itself fits the widget').to.be.at.most(360);
    const name = root.querySelector<HTMLElement>('.table-section tbody th')!;
    expect(getComputedStyle(name).position).to.equal('sticky');
    const left = name.getBoundingClientRect().left;
    wrap.scrollLeft = 200;
    await waitUntil(() => wrap.scrollLeft > 0, 'scrolled');
    expect(name.getBoundingClientRect().left, 'the name column stays in view').to.be.closeTo(left, 1);
  });

  it('cuts no text unseen: a cell fits its text, or ends it in an ellipsis with the whole text as tooltip', async () => {
    const root = await narrow('en');
    const cells = [...root.querySelectorAll<HTMLElement>('.table-section th, .table-section td')];
    for (const cell of cells) expect(cell.scrollWidth, `cell “${cell.textContent!.trim()}” overflows`).to.be.at.most(cell.clientWidth + 1);
    const clips = [...root.querySelectorAll<HTMLElement>('.table-section .clip')];
    const cut = clips.filter((c) => c.scrollWidth > c.clientWidth + 1);
    // The agent with the long (HTML-looking) name is cut short.
    expect(cut.length, 'a long name is cut').to.be.greaterThan(0);
    for (const c of cut) {
      expect(getComputedStyle(c).textOverflow).to.equal('ellipsis');
      expect(c.title).to.equal(c.textContent);
    }
  });

  it('breaks a Chinese heading between words, not a character a line', async () => {
    const root = await narrow('zh-CN');
    const headings = [...root.querySelectorAll<HTMLElement>('.table-section thead .sort')];
    expect(headings.length).to.be.greaterThan(10);
    for (const h of headings) {
      // The heading's words only (the sort arrow is a box of its own).
      const text = [...h.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')!;
      const range = document.createRange();
      range.selectNodeContents(text);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      expect(lines, `“${h.textContent}” in ${lines} lines`).to.be.at.most(2);
    }
  });
});
