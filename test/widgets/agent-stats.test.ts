import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-stats/define.js';
import type { FvAgentStats } from '../../widgets/agent-stats/agent-stats.js';
import type { FvErrorEvent } from '../../widgets/core/events.js';
import type { FvDrillDownEvent } from '../../widgets/history-common/events.js';
import { waitUntil } from '../support/wait-until.js';
import { captureDownload } from './support/capture-download.js';
import { historyCalls, HISTORY_DAY } from './support/history-calls.js';
import { kpis, root, tableRows } from './support/history-dom.js';
import { startAsAva, type TestServer } from './support/test-server.js';

describe('<fv-agent-stats>', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(historyCalls)));
  after(() => server.close());

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
    // Occupancy: the agents' handle time over handle and idle time, 235 s of 5,030 (support/history-calls.ts).
    expect(kpis(el)).to.deep.equal([
      'Answered calls 3',
      'Average handle time 1:18',
      'Average inbound connected time 1:12',
      'Average inbound hold time 0:15',
      'Occupancy 4.7%',
    ]);
    const rows = tableRows(el);
    const wang = rows.find((r) => r[0] === 'Wang Wei' && r[1] === 'Sales')!;
    // Agent, queue, location, answered, bounced, abandoned, other, presented, talk, avg talk, hold, avg hold, handle, avg handle, idle, occupancy, id
    expect(wang).to.deep.equal(['Wang Wei', 'Sales', 'Shanghai', '1', '0', '0', '0', '1', '0:55', '0:55', '0:30', '0:30', '1:30', '1:30', '28:30', '5%', 'a-2']);
    expect(rows.find((r) => r[16] === 'a-4' && r[1] === 'Outbound')!.slice(1, 4)).to.deep.equal(['Outbound', 'Austin', '1']);
    // Idle time and occupancy per agent and queue; the row of calls with no queue has no idle time and no occupancy.
    const idle = (agentId: string, queue: string) => rows.find((r) => r[16] === agentId && r[1] === queue)!.slice(12, 16);
    expect(idle('a-1', 'Sales')).to.deep.equal(['0:15', '—', '11:45', '2.1%']);
    expect(idle('a-3', 'Support')).to.deep.equal(['1:02', '1:02', '22:48', '4.3%']);
    expect(idle('a-4', 'Sales')).to.deep.equal(['0:00', '—', '16:52', '0%']);
    expect(idle('a-4', 'Outbound')).to.deep.equal(['1:08', '1:08', '0:00', '—']);
    // Wang Wei is assigned to Support too, but never joined it: no idle time there, and nothing to divide.
    expect(idle('a-2', 'Support')).to.deep.equal(['0:00', '—', '0:00', '—']);
    await waitUntil(() => root(el).querySelectorAll('.chart canvas').length === 4, 'four charts drawn');
  });

  it('ranks agents by occupancy, in percent, highest or lowest first', async () => {
    const el = await stats();
    const title = 'Occupancy by agent';
    const occupancy = () => root(el).querySelector('.chart[data-chart=occupancy]')?.getAttribute('aria-label');
    // Over every call of theirs: the agent with the HTML name 68 s of 1,080 (their outbound call), Wang Wei 90 of 1,800, Olivia Smith 62 of 1,430, 李娜 15 of 720.
    expect(occupancy()).to.equal(`${title}: <img src=x onerror="window.__pwned=1"> 6.3%, Wang Wei 5%, Olivia Smith 4.3%, 李娜 2.1%`);
    const box = root(el).querySelector('.chart[data-chart=occupancy]')!.closest('figure')!;
    expect(box.querySelector('h3')!.textContent).to.equal(title);
    await waitUntil(() => box.querySelector('canvas'), 'occupancy chart drawn');
    const lowest = [...root(el).querySelectorAll<HTMLButtonElement>(`[aria-label="Order of “${title}”"] button`)][1]!;
    lowest.click();
    await waitUntil(() => occupancy() === `${title}: 李娜 2.1%, Olivia Smith 4.3%, Wang Wei 5%, <img src=x onerror="window.__pwned=1"> 6.3%`, 'lowest first');
    expect(lowest.getAttribute('aria-pressed')).to.equal('true');
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
    const { name, text } = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('.table-section .export')!.click());
    expect(name).to.equal('Queue agents.csv');
    expect(text.startsWith('\uFEFFAgent,Queue,Location,Answered,Bounced,Abandoned,Other unanswered,Presented,')).to.equal(true);
    expect(text).to.contain(',Average handle time,Idle time,Occupancy,Agent ID\r\n');
    // Idle time in seconds, occupancy 0–1; none on the row of calls with no queue.
    expect(text).to.contain('\r\nWang Wei,Sales,Shanghai,1,0,0,0,1,55,55,30,30,90,90,1710,0.05,a-2\r\n');
    expect(text).to.contain('"<img src=x onerror=""window.__pwned=1"">",Outbound,Austin,1,0,0,0,1,60,60,0,0,68,68,0,,a-4\r\n');
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
    expect(kpis(el)[4]).to.equal('占用率 4.7%');
    expect(root(el).querySelector('.table-section h3')!.textContent).to.equal('队列座席');
    const headings = [...root(el).querySelectorAll('.table-section thead th')].map((h) => h.textContent!.trim());
    expect(headings.slice(-3)).to.deep.equal(['空闲时长', '占用率', '座席 ID']);
    expect(root(el).querySelector('.chart[data-chart=occupancy]')!.getAttribute('aria-label')).to.match(/^占用率\(按座席\): .* 6\.3%, Wang Wei 5%, Olivia Smith 4\.3%, 李娜 2\.1%$/);
  });

  it('is accessible', async () => {
    const el = await stats();
    await expect(el).to.be.accessible();
  });
});
