import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/queue-history/define.js';
import type { FvQueueHistory } from '../../widgets/queue-history/queue-history.js';
import { captureCsv, historyCalls, HISTORY_DAY } from './support/history-calls.js';
import { DISPLAY_TOKEN, startServer, type TestServer } from './support/test-server.js';
import { waitUntil } from './support/wait.js';

describe('<fv-queue-history>', () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startServer();
    await historyCalls(server);
    token = await server.login('ava');
  });
  after(() => server.close());

  const root = (el: FvQueueHistory) => el.shadowRoot!;
  const kpis = (el: FvQueueHistory) => [...root(el).querySelectorAll('.kpi')].map((k) => k.textContent!.replace(/\s+/g, ' ').trim());
  const tableRows = (el: FvQueueHistory) =>
    [...root(el).querySelectorAll('.table-section tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
  const history = async (credential = token) => {
    const el = await fixture<FvQueueHistory>(
      html`<fv-queue-history api=${server.url} token=${credential} time-zone="UTC" range="custom" from=${HISTORY_DAY} to=${HISTORY_DAY}></fv-queue-history>`,
    );
    await waitUntil(() => root(el).querySelector('.kpis'), 'figures shown');
    return el;
  };

  it('shows the queue KPIs, service level and abandon rate, and the queue details table', async () => {
    const el = await history();
    expect(kpis(el)).to.deep.equal([
      'Answered 2',
      'Abandoned 1',
      'Average hold time 0:15',
      'Average queue wait 0:14',
      'Service level 33.3%',
      'Abandon rate 33.3%',
    ]);
    expect(tableRows(el)).to.deep.equal([
      ['Sales', '0:30', '0:30', '1:25', '1:25', '1:45', '1:45', '0:25', '0:25', '1', '1', '2', '0', '0%', '50%'],
      ['Support', '0:00', '0:00', '1:00', '1:00', '1:02', '1:02', '0:03', '0:03', '1', '0', '1', '0', '100%', '0%'],
    ]);
    await waitUntil(() => root(el).querySelectorAll('.chart canvas').length === 4, 'four charts drawn');
  });

  it('ranks queues by wait highest or lowest first', async () => {
    const el = await history();
    const wait = () => root(el).querySelector('.chart[data-chart=wait]')?.getAttribute('aria-label');
    expect(wait()).to.equal('Average queue wait per call by queue: Sales 0:25, Support 0:03');
    const lowest = [...root(el).querySelectorAll<HTMLButtonElement>('[aria-label="Order of “Average queue wait per call by queue”"] button')][1]!;
    lowest.click();
    await waitUntil(() => wait() === 'Average queue wait per call by queue: Support 0:03, Sales 0:25', 'lowest first');
    expect(lowest.getAttribute('aria-pressed')).to.equal('true');
  });

  it('opens the abandoned calls from their KPI', async () => {
    const el = await history();
    root(el).querySelectorAll<HTMLButtonElement>('.kpi .figure')[1]!.click();
    await waitUntil(() => root(el).querySelectorAll('dialog.calls[open] tbody tr').length === 1, 'one call');
    const dialog = root(el).querySelector('dialog.calls')!;
    expect(dialog.querySelector('h2')!.textContent).to.equal('Calls — Abandoned');
    expect([...dialog.querySelectorAll('tbody td')].map((c) => c.textContent)).to.include.members(['Sales', 'Abandoned', '0:30', 'h2']);
  });

  it('exports the queue details as shown', async () => {
    const el = await history();
    const { text } = await captureCsv(() => root(el).querySelector<HTMLButtonElement>('.table-section .export')!.click());
    expect(text).to.contain('\r\nSupport,0,0,60,60,62,62,3,3,1,0,1,0,1,0\r\n');
  });

  it('shows a wallboard token only its queues', async () => {
    const el = await history(DISPLAY_TOKEN);
    expect(tableRows(el).map((r) => r[0])).to.deep.equal(['Support']);
  });

  it('says so when the range holds no calls', async () => {
    const el = await fixture<FvQueueHistory>(html`<fv-queue-history api=${server.url} token=${token} range="custom" from="2025-01-01" to="2025-01-02"></fv-queue-history>`);
    await waitUntil(() => root(el).querySelector('.content .empty')?.textContent === 'No calls in this range.', 'empty state');
  });

  it('is accessible', async () => {
    const el = await history();
    await expect(el).to.be.accessible();
  });
});
