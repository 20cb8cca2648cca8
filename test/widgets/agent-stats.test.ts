import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-stats/define.js';
import type { FvAgentStats } from '../../widgets/agent-stats/agent-stats.js';
import type { FvErrorEvent } from '../../widgets/core/events.js';
import type { FvDrillDownEvent } from '../../widgets/history-common/events.js';
import { captureCsv, historyCalls, HISTORY_DAY } from './support/history-calls.js';
import { startServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

describe('<fv-agent-stats>', () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startServer();
    await historyCalls(server);
    token = await server.login('ava');
  });
  after(() => server.close());

  const root = (el: FvAgentStats) => el.shadowRoot!;
  const kpis = (el: FvAgentStats) => [...root(el).querySelectorAll('.kpi')].map((k) => k.textContent!.replace(/\s+/g, ' ').trim());
  const tableRows = (el: FvAgentStats) =>
    [...root(el).querySelectorAll('.table-section tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
  const loaded = async (el: FvAgentStats) => {
    await waitUntil(() => root(el).querySelector('.kpis'), 'figures shown');
    return el;
  };
  const stats = async (attrs: Partial<Record<'queue' | 'lang' | 'timeFrom', string>> = {}) =>
    loaded(
      await fixture<FvAgentStats>(html`<fv-agent-stats
        api=${server.url}
        token=${token}
        time-zone="UTC"
        range="custom"
        from=${HISTORY_DAY}
        to=${HISTORY_DAY}
        queue=${attrs.queue ?? ''}
        lang=${attrs.lang ?? 'en'}
      ></fv-agent-stats>`),
    );

  it('shows the KPIs, the charts and the queue-agent table of the range', async () => {
    const el = await stats();
    expect(kpis(el)).to.deep.equal([
      'Answered calls 3',
      'Average handle time 1:18',
      'Average inbound connected time 1:12',
      'Average inbound hold time 0:15',
    ]);
    const rows = tableRows(el);
    const wang = rows.find((r) => r[0] === 'Wang Wei' && r[1] === 'Sales')!;
    // Agent, queue, location, answered, bounced, abandoned, other, presented, talk, avg talk, hold, avg hold, handle, avg handle, id
    expect(wang).to.deep.equal(['Wang Wei', 'Sales', 'Shanghai', '1', '0', '0', '0', '1', '0:55', '0:55', '0:30', '0:30', '1:30', '1:30', 'a-2']);
    expect(rows.find((r) => r[14] === 'a-4' && r[1] === 'Outbound')!.slice(1, 4)).to.deep.equal(['Outbound', 'Austin', '1']);
    await waitUntil(() => root(el).querySelectorAll('.chart canvas').length === 3, 'three charts drawn');
  });

  it('sorts the table by a column, both ways', async () => {
    const el = await stats();
    const header = (label: string) => [...root(el).querySelectorAll<HTMLButtonElement>('th .sort')].find((b) => b.textContent!.startsWith(label))!;
    header('Presented').click();
    await el.updateComplete;
    expect(tableRows(el).map((r) => r[7])).to.deep.equal(['1', '1', '1', '1', '0', '0', '0']);
    expect(header('Presented').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    header('Presented').click();
    await el.updateComplete;
    expect(tableRows(el).map((r) => r[7])).to.deep.equal(['0', '0', '0', '1', '1', '1', '1']);
  });

  it('reloads for a queue chosen in its filter', async () => {
    const el = await stats();
    const queue = root(el).querySelector<HTMLSelectElement>('select[aria-label="Queue"]')!;
    await waitUntil(() => queue.options.length === 3, 'queue options loaded');
    queue.value = 'q-support';
    queue.dispatchEvent(new Event('change'));
    await waitUntil(() => kpis(el)[0] === 'Answered calls 1', 'support only');
    expect(el.queue).to.equal('q-support');
    expect(new Set(tableRows(el).map((r) => r[1]))).to.deep.equal(new Set(['Support']));
  });

  it('exports the table as shown: CSV with a byte-order mark, quoted, formulas neutralised', async () => {
    const el = await stats();
    const { name, text } = await captureCsv(() => root(el).querySelector<HTMLButtonElement>('.table-section .export')!.click());
    expect(name).to.equal('Queue agents.csv');
    expect(text.startsWith('\uFEFFAgent,Queue,Location,Answered,Bounced,Abandoned,Other unanswered,Presented,')).to.equal(true);
    expect(text).to.contain('\r\nWang Wei,Sales,Shanghai,1,0,0,0,1,55,55,30,30,90,90,a-2\r\n');
    expect(text).to.contain('"<img src=x onerror=""window.__pwned=1"">",Outbound,Austin,1,');
  });

  it('opens the calls behind a count', async () => {
    const el = await stats();
    const bounced = [...root(el).querySelectorAll('.table-section tbody tr')].find((r) => r.textContent!.includes('李娜'))!.children[4]!.querySelector('button')!;
    const event = oneEvent(el, 'fv-drill-down') as Promise<FvDrillDownEvent>;
    bounced.click();
    const { query } = await event;
    expect(query).to.include({ by: 'agent', agent: 'a-1', queue: 'q-sales', outcome: 'bounced', from: HISTORY_DAY, tz: 'UTC' });
    const dialog = root(el).querySelector('dialog.calls')!;
    await waitUntil(() => dialog.querySelectorAll('tbody tr').length === 1, 'one call listed');
    expect([...dialog.querySelectorAll('tbody td')].map((c) => c.textContent)).to.include.members(['Sales', '李娜', 'Bounced', 'h1']);
  });

  it('shows the server’s refusal and tells the page', async () => {
    const el = await fixture<FvAgentStats>(html`<fv-agent-stats api=${server.url} token=${token} range="today" time-from="25:00"></fv-agent-stats>`);
    const error = (await oneEvent(el, 'fv-error')) as unknown as FvErrorEvent;
    expect(error.code).to.equal('invalid_request');
    await waitUntil(() => root(el).querySelector('[part=alert]'), 'error shown');
    expect(root(el).querySelector('[part=alert]')!.textContent).to.contain('Try again');
  });

  it('asks to sign in without credentials', async () => {
    const el = await fixture<FvAgentStats>(html`<fv-agent-stats api=${server.url} range="today"></fv-agent-stats>`);
    await waitUntil(() => root(el).querySelector('[part=sign-in]'), 'sign-in shown');
  });

  it('speaks Simplified Chinese', async () => {
    const el = await stats({ lang: 'zh-CN' });
    expect(kpis(el)[0]).to.equal('已接听电话数 3');
    expect(root(el).querySelector('.table-section h3')!.textContent).to.equal('队列座席');
  });

  it('is accessible', async () => {
    const el = await stats();
    await expect(el).to.be.accessible();
  });
});
