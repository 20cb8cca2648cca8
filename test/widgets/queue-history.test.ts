import { expect, fixture, html } from '@open-wc/testing';
import { getInstanceByDom } from 'echarts/core';
import './support/resize-observer.js';
import { translator } from '../../widgets/core/i18n/index.js';
import '../../widgets/queue-history/define.js';
import { queueHistoryCatalogs } from '../../widgets/queue-history/i18n/index.js';
import type { FvQueueHistory } from '../../widgets/queue-history/queue-history.js';
import type { QueueStats } from '../../contract/stats.js';
import { staffingSummary } from '../../widgets/queue-history/queue-history-view.js';
import { waitUntil } from '../support/wait-until.js';
import { captureDownload } from './support/capture-download.js';
import { historyCalls, HISTORY_DAY } from './support/history-calls.js';
import { kpis, root, tableRows } from './support/history-dom.js';
import { DISPLAY_TOKEN, startAsAva, type TestServer } from './support/test-server.js';

describe('<fv-queue-history>', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(historyCalls)));
  after(() => server.close());

  const history = async (credential = token, { lang = 'en', from = HISTORY_DAY, to = HISTORY_DAY } = {}) => {
    const el = await fixture<FvQueueHistory>(
      html`<fv-queue-history api=${server.url} token=${credential} lang=${lang} time-zone="UTC" range="custom" from=${from} to=${to}></fv-queue-history>`,
    );
    await waitUntil(() => root(el).querySelector('.kpis'), 'figures shown');
    return el;
  };
  const staffingBox = (el: FvQueueHistory) => root(el).querySelector('.chart[data-chart=staffing]')!.closest('figure')!;
  const staffingNote = (el: FvQueueHistory) => staffingBox(el).querySelector('.chart-note')!.textContent;

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
    await waitUntil(() => root(el).querySelectorAll('.chart canvas').length === 5, 'five charts drawn');
  });

  it('draws the agents each hour needed against those staffed, and says how many hours were short', async () => {
    const el = await history();
    const box = staffingBox(el);
    expect(box.querySelector('h3')!.textContent).to.equal('Agents needed vs staffed');
    // Needed: 1 at 09:00 (Sales) and 1 at 10:00 (Support); staffed 0.8 and 0.4 then (support/history-calls.ts).
    expect(staffingNote(el)).to.equal('Understaffed in 2 of 24 hours, by 0.5 agents on average, 0.7 at most');
    const chart = box.querySelector<HTMLElement>('.chart')!;
    expect(chart.getAttribute('aria-label')).to.equal('Agents needed vs staffed: Understaffed in 2 of 24 hours, by 0.5 agents on average, 0.7 at most');
    await waitUntil(() => chart.querySelector('canvas'), 'staffing chart drawn');
    const option = getInstanceByDom(chart)!.getOption() as { series: { name: string; type: string; data: (number | null)[] }[]; xAxis: { data: string[] }[] };
    expect(option.xAxis[0]!.data.slice(8, 12)).to.deep.equal(['2026-03-02 08:00', '2026-03-02 09:00', '2026-03-02 10:00', '2026-03-02 11:00']);
    const [needed, staffed] = option.series;
    expect([needed!.name, needed!.type, staffed!.name, staffed!.type]).to.deep.equal(['Agents needed', 'line', 'Agents staffed', 'line']);
    expect(needed!.data).to.have.length(24);
    expect(needed!.data.slice(7, 13)).to.deep.equal([0, 0, 1, 1, 0, 0]);
    expect(staffed!.data.slice(7, 13)).to.deep.equal([0, 0.2, 0.8, 0.4, 0.2, 0]);
    expect(needed!.data.filter((v) => v !== 0)).to.have.length(2);
    expect(staffed!.data.filter((v) => v !== 0)).to.have.length(4);
  });

  it('counts days when the trend is by day', async () => {
    // Four days: the day's load needs 1 agent in each queue; 5,760 staffed seconds of 86,400 are 0.1 agents on average.
    const el = await history(token, { from: '2026-03-01', to: '2026-03-04' });
    expect(staffingNote(el)).to.equal('Understaffed in 1 of 4 days, by 1.9 agents');
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
    const { text } = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('.table-section .export')!.click());
    expect(text).to.contain('\r\nSupport,0,0,60,60,62,62,3,3,1,0,1,0,1,0\r\n');
  });

  it('words every staffing summary: short, short once, never short, no need known; hours or days', () => {
    const summary = (lang: 'en' | 'zh-CN', interval: 'hour' | 'day', staffing: QueueStats['staffing']) =>
      staffingSummary({ staffing, range: { interval } } as QueueStats, translator(lang, queueHistoryCatalogs));
    const none = { understaffedPeriods: 0, largestShortfall: 0, avgShortfall: null };
    expect(summary('en', 'hour', { periods: 24, ...none })).to.equal('Staffed to need in all 24 hours');
    expect(summary('en', 'day', { periods: 7, ...none })).to.equal('Staffed to need in all 7 days');
    expect(summary('en', 'hour', { periods: 1, ...none })).to.equal('Staffed to need in 1 hour');
    expect(summary('en', 'day', { periods: 0, ...none })).to.equal('No need known in this range');
    expect(summary('en', 'day', { periods: 30, understaffedPeriods: 5, largestShortfall: 3, avgShortfall: 1.6 })).to.equal(
      'Understaffed in 5 of 30 days, by 1.6 agents on average, 3 at most',
    );
    expect(summary('en', 'hour', { periods: 24, understaffedPeriods: 3, largestShortfall: 2, avgShortfall: 1 })).to.equal(
      'Understaffed in 3 of 24 hours, by 1 agent on average, 2 at most',
    );
    expect(summary('en', 'hour', { periods: 24, understaffedPeriods: 1, largestShortfall: 1, avgShortfall: 1 })).to.equal('Understaffed in 1 of 24 hours, by 1 agent');
    expect(summary('zh-CN', 'hour', { periods: 24, ...none })).to.equal('24 小时均未缺员');
    expect(summary('zh-CN', 'day', { periods: 0, ...none })).to.equal('此范围内无法估算所需座席数');
    expect(summary('zh-CN', 'day', { periods: 30, understaffedPeriods: 5, largestShortfall: 3, avgShortfall: 1.6 })).to.equal('30 天中有 5 天缺员，平均缺 1.6 人，最多缺 3 人');
  });

  it('shows a wallboard token only its queues', async () => {
    const el = await history(DISPLAY_TOKEN);
    expect(tableRows(el).map((r) => r[0])).to.deep.equal(['Support']);
    // Support alone: 1 agent needed at 10:00, 0.3 staffed.
    expect(staffingNote(el)).to.equal('Understaffed in 1 of 24 hours, by 0.7 agents');
  });

  it('speaks Simplified Chinese', async () => {
    const el = await history(token, { lang: 'zh-CN' });
    expect(kpis(el)[4]).to.equal('服务水平 33.3%');
    expect(staffingBox(el).querySelector('h3')!.textContent).to.equal('所需座席与在岗座席');
    expect(staffingNote(el)).to.equal('24 小时中有 2 小时缺员，平均缺 0.5 人，最多缺 0.7 人');
    const days = await history(token, { lang: 'zh-CN', from: '2026-03-01', to: '2026-03-04' });
    expect(staffingNote(days)).to.equal('4 天中有 1 天缺员，缺 1.9 人');
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
