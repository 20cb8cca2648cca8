import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/wrapup-stats/define.js';
import type { FvWrapupStats } from '../../widgets/wrapup-stats/wrapup-stats.js';
import { waitUntil } from '../support/wait-until.js';
import { historyCalls, HISTORY_DAY } from './support/history-calls.js';
import { kpis, root } from './support/history-dom.js';
import { startAsAva, type TestServer } from './support/test-server.js';

describe('<fv-wrapup-stats>', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(historyCalls)));
  after(() => server.close());

  const table = (el: FvWrapupStats, title: string) => {
    const section = [...root(el).querySelectorAll('.table-section')].find((s) => s.querySelector('h3')!.textContent === title)!;
    return [...section.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
  };
  const stats = async (lang = 'en') => {
    const el = await fixture<FvWrapupStats>(
      html`<fv-wrapup-stats api=${server.url} token=${token} lang=${lang} time-zone="UTC" range="custom" from=${HISTORY_DAY} to=${HISTORY_DAY}></fv-wrapup-stats>`,
    );
    await waitUntil(() => root(el).querySelector('.kpis'), 'figures shown');
    return el;
  };

  it('shows the average wrap-up time and the queues with the highest and lowest', async () => {
    const el = await stats();
    expect(kpis(el)).to.deep.equal([
      'Average wrap-up time 0:25',
      'Wrap-ups completed 2',
      'Highest average wrap-up time Sales 0:40',
      'Lowest average wrap-up time Support 0:10',
    ]);
    await waitUntil(() => root(el).querySelector('.chart canvas'), 'trend drawn');
  });

  it('ranks reasons, queues and agents, top or bottom', async () => {
    const el = await stats();
    expect(table(el, 'Wrap-up reasons by use')).to.deep.equal([['Resolved', '2', '0:25']]);
    expect(table(el, 'Queues by average wrap-up time')).to.deep.equal([
      ['Sales', '0:40', '1'],
      ['Support', '0:10', '1'],
    ]);
    expect(table(el, 'Agents by wrap-ups completed').map((r) => r[0])).to.deep.equal(['Olivia Smith', 'Wang Wei']);
    expect(table(el, 'Agents by average wrap-up time').map((r) => r[0])).to.deep.equal(['Wang Wei', 'Olivia Smith']);
    const bottom = root(el).querySelectorAll<HTMLButtonElement>('[aria-label="Order of “Agents by average wrap-up time”"] button')[1]!;
    bottom.click();
    await waitUntil(() => table(el, 'Agents by average wrap-up time')[0]?.[0] === 'Olivia Smith', 'lowest first');
  });

  it('opens the wrap-ups behind a reason’s count', async () => {
    const el = await stats();
    const section = [...root(el).querySelectorAll('.table-section')].find((s) => s.querySelector('h3')!.textContent === 'Wrap-up reasons by use')!;
    section.querySelector<HTMLButtonElement>('tbody .figure')!.click();
    await waitUntil(() => root(el).querySelectorAll('dialog.calls[open] tbody tr').length === 2, 'two wrap-ups');
    const dialog = root(el).querySelector('dialog.calls')!;
    expect([...dialog.querySelectorAll('tbody tr')].map((r) => r.lastElementChild!.textContent)).to.deep.equal(['h1', 'h3']);
  });

  it('speaks Simplified Chinese', async () => {
    const el = await stats('zh-CN');
    expect(kpis(el)[0]).to.equal('平均收尾时间 0:25');
  });

  it('is accessible', async () => {
    const el = await stats();
    await expect(el).to.be.accessible();
  });
});
