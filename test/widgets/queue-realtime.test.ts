import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { getInstanceByDom } from 'echarts/core';
import '../../widgets/queue-realtime/define.js';
import type { FvConnectionChangeEvent } from '../../widgets/core/events.js';
import type { FvQueueLevelChangeEvent } from '../../widgets/queue-realtime/events.js';
import type { FvQueueRealtime } from '../../widgets/queue-realtime/queue-realtime.js';
import { formatTime } from '../../widgets/core/format.js';
import { waitUntil } from '../support/wait-until.js';
import { agentRow, fakeFloor, fakeTrendServer, queueRow, type FakeFloor } from './support/fake-floor.js';
import { ManualClock } from './support/manual-clock.js';
import { DISPLAY_TOKEN, standardFloor, startServer, type TestServer } from './support/test-server.js';

const API = 'http://floorview.test';
const STEP = 10_000;

/** Text as a screen reader reads it (without `aria-hidden`), whitespace collapsed. */
function spoken(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden=true]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text as seen on screen (without the visually hidden words), whitespace collapsed. */
function seen(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const root = (el: FvQueueRealtime) => el.shadowRoot!;
const row = (el: FvQueueRealtime, key: string) => root(el).querySelector<HTMLElement>(`[part~="row"][data-queue="${key}"]`);
const cells = (el: FvQueueRealtime, key: string) => [...(row(el, key)?.children ?? [])].map(seen);
const tile = (el: FvQueueRealtime, key: string) => root(el).querySelector<HTMLElement>(`[part~="tile"][data-queue="${key}"]`);
const chartOf = (el: FvQueueRealtime) => getInstanceByDom(root(el).querySelector<HTMLElement>('.chart')!);
type Series = { name: string; data: [number, number | null][] }[];
const series = (el: FvQueueRealtime) => (chartOf(el)!.getOption() as { series: Series }).series;

/**
 * Sales: 4 waiting for 65 s, 6 agents (5 staffed: 2 idle, 1 unavailable), today 90 answered (72 within
 * the threshold), 10 abandoned (8 after the short-abandon threshold) of 100 calls; 8 agents needed now
 * (40 recent calls at 3:20): short by 3.
 * Support: 1 waiting, 3 agents (2 staffed), no calls yet today; 1 agent needed: 1 spare.
 */
function standardRows(now = Date.now()) {
  return [
    queueRow('q-sales', 'Sales', {
      waiting: 4,
      longestWaitSince: new Date(now - 65_000).toISOString(),
      totalAgents: 6,
      staffedAgents: 5,
      idleAgents: 2,
      unavailableAgents: 1,
      answered: 90,
      abandoned: 10,
      totalCalls: 100,
      answeredInServiceLevel: 72,
      abandonedAfterShort: 8,
      serviceLevel: 0.7273,
      abandonRate: 0.1,
      agentsRequired: 8,
      recentCalls: 40,
      recentAhtSeconds: 200,
    }),
    queueRow('q-support', 'Support', {
      waiting: 1,
      longestWaitSince: new Date(now - 5_000).toISOString(),
      totalAgents: 3,
      staffedAgents: 2,
      idleAgents: 1,
      agentsRequired: 1,
      recentCalls: 2,
      recentAhtSeconds: 120,
    }),
  ];
}

/** a-1 in both queues (joined Sales only), on a call; a-2 Sales, idle; a-3 Support, unavailable; a-4 Support, signed out; a-5 Sales, wrap-up. */
const standardAgents = () => [
  agentRow('a-1', [['q-sales', true], ['q-support', false]], { contactState: 'connected' }),
  agentRow('a-2', [['q-sales', true]]),
  agentRow('a-3', [['q-support', true]], { state: 'unavailable' }),
  agentRow('a-4', [['q-support', true]], { state: 'signed_out' }),
  agentRow('a-5', [['q-sales', true]], { contactState: 'wrapup' }),
];

describe('<fv-queue-realtime>', () => {
  let n = 0;
  let floor: FakeFloor;
  let token: string;
  let trend: ReturnType<typeof fakeTrendServer>;
  /** The server's history: Sales 2, 5, 7, 3 and Support 0, 1, 1, 0, ending at the last full 10 s. */
  let history: () => object;

  beforeEach(() => {
    token = `fake-${++n}`;
    floor = fakeFloor(API, token);
    history = () => {
      const last = Math.floor(Date.now() / STEP) - 1;
      return {
        start: new Date((last - 3) * STEP).toISOString(),
        stepSeconds: 10,
        queues: [
          { queueId: 'q-sales', waiting: [2, 5, 7, 3] },
          { queueId: 'q-support', waiting: [0, 1, 1, 0] },
        ],
      };
    };
    trend = fakeTrendServer(API, () => history());
  });
  afterEach(() => trend.restore());
  /** The page's clock, when a test drives it. */
  let clock: ManualClock | null = null;
  afterEach(() => {
    clock?.restore();
    clock = null;
  });

  const widget = async (attrs: Record<string, string> = {}) => {
    const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${API} token=${token} style="width: 1100px"></fv-queue-realtime>`);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    floor.snapshot(standardRows(), standardAgents());
    await el.updateComplete;
    return el;
  };

  it('shows every figure of a queue, and today’s service level, abandon rate and calls, in the table', async () => {
    const el = await widget();
    expect([...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
      'Queue',
      'Waiting',
      'Longest wait',
      'Agents',
      'Staffed',
      'Idle',
      'Unavailable',
      'Needed',
      'Service level',
      'Abandon rate',
      'Calls today',
    ]);
    expect(cells(el, 'q-sales')).to.deep.equal(['Sales', '4', cells(el, 'q-sales')[2], '6', '5', '2', '1', '8 short by 3', '73%', '10%', '100 90 answered · 10 abandoned']);
    expect(cells(el, 'q-sales')[2]).to.match(/^1:0\d$/);
    expect(cells(el, 'q-support').slice(7, 10)).to.deep.equal(['1 1 spare', '—', '—']);
    expect(spoken(row(el, 'q-support')!.children[8]!)).to.equal('no calls yet today');
    // What the need rests on, on hover.
    expect(row(el, 'q-sales')!.querySelector('[data-metric="agentsShort"]')!.getAttribute('title')).to.equal(
      'Agents needed now (Erlang C) for 40 recent calls at 3:20 average handle time',
    );
  });

  it('shows the same figures as tiles, and switches views from its toolbar', async () => {
    const el = await widget();
    const tiles = [...root(el).querySelectorAll('.segmented')[0]!.querySelectorAll('button')];
    tiles[1]!.click();
    await el.updateComplete;
    expect(el.view).to.equal('tiles');
    const sales = tile(el, 'q-sales')!;
    const items = [...sales.querySelectorAll('.item')].map((i) => `${seen(i.querySelector('dt')!)}=${seen(i.querySelector('dd')!)}`);
    expect(items.filter((i) => !i.startsWith('Longest wait'))).to.deep.equal([
      'Waiting=4',
      'Needed=8 short by 3',
      'Service level=73%',
      'Abandon rate=10%',
      'Calls today=100',
      'Agents=6',
      'Staffed=5',
      'Idle=2',
      'Unavailable=1',
    ]);
    expect(root(el).querySelector('table')).to.equal(null);
  });

  it('ticks the longest wait every second from the shared clock', async () => {
    clock = new ManualClock();
    const el = await widget();
    const since = Date.parse(floor.queues.get('q-sales')!.longestWaitSince!);
    const longest = () => cells(el, 'q-sales')[2];
    // Half-way through each second, so the shown second is exact.
    clock.tickAt(since + 65_500);
    await waitUntil(() => longest() === '1:05', `longest wait 1:05, saw ${longest()}`);
    clock.tickAt(since + 66_500);
    await waitUntil(() => longest() === '1:06', `longest wait 1:06, saw ${longest()}`);
    expect(trend.requests).to.equal(1);
  });

  it('flags figures past a threshold with a shape and words, not colour alone', async () => {
    const el = await widget({
      'warn-waiting': '2',
      'alert-waiting': '4',
      'warn-wait-seconds': '30',
      'alert-wait-seconds': '120',
      'service-level-target': '80',
      'alert-service-level': '60',
      'warn-abandon-rate': '5',
      'alert-abandon-rate': '15',
    });
    await el.updateComplete;
    const figure = (key: string, metric: string) => row(el, key)!.querySelector<HTMLElement>(`.figure[data-metric="${metric}"]`)!;
    const shape = (f: HTMLElement) => f.querySelector('.level-icon path')?.getAttribute('d') ?? null;

    expect(spoken(figure('q-sales', 'waiting'))).to.equal('4, Alert: 4 or more waiting');
    expect(spoken(figure('q-sales', 'longestWait'))).to.match(/^1:0\d, Warning: waiting 0:30 or longer$/);
    expect(spoken(figure('q-sales', 'serviceLevel'))).to.equal('73%, Warning: below 80%');
    expect(spoken(figure('q-sales', 'abandonRate'))).to.equal('10%, Warning: 5% or more abandoned');
    expect(spoken(figure('q-support', 'waiting'))).to.equal('1');
    // Short of agents: flagged by default from one short (warning), two (alert).
    expect(spoken(figure('q-sales', 'agentsShort'))).to.equal('8, Alert: short by 2 or more');
    expect(figure('q-sales', 'agentsShort').dataset.level).to.equal('alert');
    expect(figure('q-support', 'agentsShort').dataset.level).to.equal('ok');

    // The warning and the alert differ in shape, so they read apart without colour.
    expect(shape(figure('q-sales', 'waiting'))).to.not.equal(null);
    expect(shape(figure('q-sales', 'waiting'))).to.not.equal(shape(figure('q-sales', 'serviceLevel')));
    expect(figure('q-support', 'waiting').querySelector('.level-icon')).to.equal(null);

    el.view = 'tiles';
    await el.updateComplete;
    expect(seen(tile(el, 'q-sales')!.querySelector('[part~="badge"]')!)).to.equal('Alert');
    expect(tile(el, 'q-support')!.querySelector('[part~="badge"]')).to.equal(null);
  });

  it('reports each change of level as an event', async () => {
    const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${API} token=${token} alert-waiting="5"></fv-queue-realtime>`);
    floor.snapshot(standardRows(), standardAgents());
    await el.updateComplete;
    const raised = oneEvent(el, 'fv-queue-level-change') as Promise<FvQueueLevelChangeEvent>;
    floor.delta([{ ...standardRows()[0]!, waiting: 6 }]);
    const e = await raised;
    expect([e.queueId, e.metric, e.level, e.previous]).to.deep.equal(['q-sales', 'waiting', 'alert', 'ok']);
    const cleared = oneEvent(el, 'fv-queue-level-change') as Promise<FvQueueLevelChangeEvent>;
    floor.delta([{ ...standardRows()[0]!, waiting: 1 }]);
    expect([(await cleared).level, (await cleared).previous]).to.deep.equal(['ok', 'alert']);
  });

  it('shows only the chosen queues, in the chosen order, with an aggregate row', async () => {
    const el = await widget({ queues: 'q-support,q-sales,q-unknown' });
    await el.updateComplete;
    const order = [...root(el).querySelectorAll('tbody [part~="row"]')].map((r) => r.getAttribute('data-queue'));
    expect(order).to.deep.equal(['q-support', 'q-sales']);
    // Agents once each: a-1 is in both queues. Ratios from the counts: 72 ÷ (90 + 8), 10 ÷ 100.
    // Needed: 8 + 1; short: what the queues are short of together (Sales 3; Support's spare agent does not make up for it).
    expect(cells(el, '*')).to.deep.equal(['All shown 2 queues', '5', cells(el, '*')[2], '5', '4', '1', '1', '9 short by 3', '73%', '10%', '100 90 answered · 10 abandoned']);
    expect(cells(el, '*')[2]).to.equal(cells(el, 'q-sales')[2]);

    el.queues = 'q-support';
    await el.updateComplete;
    expect(row(el, '*')).to.equal(null);
    expect(root(el).querySelectorAll('tbody [part~="row"]').length).to.equal(1);
  });

  it('shows the agents of the shown queues by state', async () => {
    const el = await widget({ 'agent-summary': '' });
    await el.updateComplete;
    const summary = [...root(el).querySelectorAll('[part="summary"] .item')].map((i) => `${i.getAttribute('data-state')}=${i.querySelector('dd')!.textContent}`);
    expect(summary).to.deep.equal(['available=1', 'onContact=1', 'wrapup=1', 'unavailable=1', 'signedOut=1']);
  });

  it('draws the trend from the server’s history and appends live points', async () => {
    clock = new ManualClock();
    const el = await widget({ queues: 'q-sales' });
    // The first chart of the file waits for echarts, hundreds of modules served one by one by the test server.
    await waitUntil(() => chartOf(el) && series(el)[0]!.data.length >= 5, 'history drawn');
    const values = () => series(el)[0]!.data.map(([, v]) => v);
    expect(values().slice(0, 4)).to.deep.equal([2, 5, 7, 3]);
    expect(values().at(-1)).to.equal(4);
    expect(root(el).querySelector('.chart')!.getAttribute('aria-label')).to.equal('Sales: 4 waiting now, at most 7');

    // The next 10-second point is taken from the live row, on the clock's first tick in that slot.
    const appended = () => values().slice(4, -1);
    const lastLoaded = series(el)[0]!.data[3]![0];
    clock.tickAt(lastLoaded + STEP + 500);
    await waitUntil(() => appended().length > 0, 'a live point appended');
    expect(appended()).to.deep.equal([4]);
    floor.delta([{ ...standardRows()[0]!, waiting: 9 }]);
    await waitUntil(() => values().at(-1) === 9, 'the live value drawn');

    el.trend = 'total';
    el.queues = '';
    await waitUntil(() => series(el).length === 1 && series(el)[0]!.name === 'All shown queues', 'one total line');
    expect(series(el)[0]!.data.slice(0, 4).map(([, v]) => v)).to.deep.equal([2, 6, 8, 3]);
  });

  it('loads the trend again when the stream comes back', async () => {
    const el = await widget();
    await waitUntil(() => trend.requests === 1, 'history loaded');
    floor.setState('reconnecting');
    await el.updateComplete;
    floor.setState('live');
    await waitUntil(() => trend.requests === 2, 'history loaded again');
  });

  it('says it is reconnecting and how old its data is', async () => {
    const el = await widget();
    const changed = oneEvent(el, 'fv-connection-change') as Promise<FvConnectionChangeEvent>;
    floor.receivedAt = Date.now() - 125_000;
    floor.setState('reconnecting');
    expect((await changed).state).to.equal('reconnecting');
    await el.updateComplete;
    expect(el.getAttribute('connection')).to.equal('reconnecting');
    expect(seen(root(el).querySelector('[part="status"]')!)).to.match(/^Reconnecting… · data as of /);
    expect(seen(root(el).querySelector('[part="age"]')!)).to.match(/^· data 2:0\d old$/);
    expect(root(el).querySelector('.base.stale')).to.exist;
  });

  it('says when the server has lost the phone system, since when and why, in the page’s language', async () => {
    const el = await widget();
    const since = '2026-12-07T14:02:00Z';
    const lastError = 'connection to 192.0.2.1:5038 refused';
    floor.setPlatform({ platform: 'asterisk', state: 'reconnecting', since, lastError });
    await el.updateComplete;
    const status = root(el).querySelector('[part="status"]')!;
    const time = formatTime(Date.parse(since), 'en');
    expect(seen(status)).to.equal(`Phone system reconnecting since ${time} — ${lastError}`);
    expect(status.getAttribute('title')).to.equal(seen(status), 'the whole text, when the line cuts it short');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'zh-CN');
    floor.setPlatform({ platform: 'asterisk', state: 'failed', since, lastError: 'Authentication failed' });
    await el.updateComplete;
    expect(seen(root(el).querySelector('[part="status"]')!)).to.equal(`电话系统自 ${formatTime(Date.parse(since), 'zh-CN')} 起已断开 — Authentication failed`);
    floor.setPlatform({ platform: 'asterisk', state: 'connected', since, lastError: 'Authentication failed' });
    await el.updateComplete;
    expect(seen(root(el).querySelector('[part="status"]')!)).to.equal('实时');
  });

  it('follows the page’s language', async () => {
    const el = await widget({ lang: 'zh-CN' });
    await el.updateComplete;
    expect(root(el).querySelector('thead th:nth-child(9)')!.textContent!.trim()).to.equal('服务水平');
    expect(cells(el, 'q-sales')[7]).to.equal('8 缺 3 人');
    expect(cells(el, 'q-sales')[10]).to.equal('100 已接听 90 · 已放弃 10');
    expect(root(el).querySelector('[part="base"]')!.getAttribute('lang')).to.equal('zh-CN');
  });

  it('is accessible as a table and as tiles, flags included', async () => {
    const el = await widget({ 'alert-waiting': '3', 'service-level-target': '80', 'agent-summary': '' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.view = 'tiles';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('lays out a wallboard without controls', async () => {
    const el = await widget({ wallboard: '', view: 'tiles' });
    await el.updateComplete;
    expect(root(el).querySelector('.base.wallboard')).to.exist;
    expect(root(el).querySelector('.segmented')).to.equal(null);
    expect(root(el).querySelector('[part~="tile"][data-queue="*"]')).to.exist;
  });
});

describe('<fv-queue-realtime> on a real server', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer();
    await standardFloor(server);
  });
  after(() => server.close());

  it('shows a wallboard’s queues live with a display token, and the trend from the server', async () => {
    const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${server.url} token=${DISPLAY_TOKEN} view="tiles"></fv-queue-realtime>`);
    await waitUntil(() => tile(el, 'q-support'), 'Support shown');
    expect(tile(el, 'q-sales')).to.equal(null);
    const waiting = () => seen(tile(el, 'q-support')!.querySelector('.item.main dd')!);
    expect(waiting()).to.equal('1');
    await waitUntil(() => chartOf(el), 'trend drawn');
    expect(root(el).querySelector('.chart')!.getAttribute('aria-label')).to.equal('Support: 1 waiting now, at most 1');

    await server.events({ id: `rt-${Date.now()}`, type: 'call.answered', at: new Date().toISOString(), callId: 'c-3', agentId: 'a-5' });
    await waitUntil(() => waiting() === '0', 'the answered call leaves the queue');
  });

  it('shows today’s service level once the server has counted it', async () => {
    const token = await server.login('ava');
    const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${server.url} token=${token}></fv-queue-realtime>`);
    // c-1 was answered 4 s after it queued in Sales: 100 %. The server re-counts every 10 s.
    await waitUntil(() => row(el, 'q-sales') && cells(el, 'q-sales')[8] === '100%', 'Sales service level');
    expect(cells(el, 'q-sales')[10]).to.equal('1 1 answered · 0 abandoned');
  });

  it('shows the agents a queue needs now once the server has counted the recent calls', async () => {
    const token = await server.login('ava');
    const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${server.url} token=${token}></fv-queue-realtime>`);
    // The standard floor's Sales call (c-1) is still connected: no handle time known yet.
    await waitUntil(() => row(el, 'q-sales') && cells(el, 'q-sales')[8] === '100%', 'Sales counted');
    expect(cells(el, 'q-sales')[7]).to.equal('—');
    expect(spoken(row(el, 'q-sales')!.children[7]!)).to.equal('not known yet');
    // A call queued, answered and ended within the window: 2 calls in 30 minutes at 2 minutes need one agent; two are staffed.
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();
    const id = `needed-${Date.now()}`;
    await server.events(
      { id: `${id}-q`, type: 'call.queued', at: at(150), callId: id, queueId: 'q-sales', direction: 'inbound' },
      { id: `${id}-o`, type: 'call.offered', at: at(140), callId: id, agentId: 'a-2' },
      { id: `${id}-a`, type: 'call.answered', at: at(140), callId: id, agentId: 'a-2' },
      { id: `${id}-e`, type: 'call.ended', at: at(20), callId: id, by: 'caller' },
    );
    await waitUntil(() => cells(el, 'q-sales')[7] === '1 1 spare', 'one agent needed');
    expect(row(el, 'q-sales')!.querySelector('[data-metric="agentsShort"]')!.getAttribute('title')).to.equal(
      'Agents needed now (Erlang C) for 2 recent calls at 2:00 average handle time',
    );
  });

  it('raises an alert as a toast (and a browser notification), counts it in the header, marks its queue, and acknowledges it for everyone', async () => {
    // The browser's notifications are outside the product: record what the widget asks them to show, as if the page had permission.
    const shown: { title: string; body?: string; tag?: string }[] = [];
    const real = globalThis.Notification;
    globalThis.Notification = class {
      static permission = 'granted';
      constructor(title: string, options: NotificationOptions) {
        shown.push({ title, ...options });
      }
    } as unknown as typeof Notification;
    const token = await server.login('ava');
    const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${server.url} token=${token} notify></fv-queue-realtime>`);
    await waitUntil(() => row(el, 'q-sales'), 'Sales shown');
    // Five waiting in Sales: the default rule's limit.
    const run = `alert-${Date.now()}`;
    await server.events(
      ...[1, 2, 3, 4, 5].map((i) => ({ id: `${run}-${i}`, type: 'call.queued', at: new Date().toISOString(), callId: `${run}-${i}`, queueId: 'q-sales', direction: 'inbound' })),
    );
    await waitUntil(() => root(el).querySelector('[part="toast"]'), 'the toast').finally(() => (globalThis.Notification = real));
    const toast = root(el).querySelector<HTMLElement>('[part="toast"]')!;
    expect(toast.getAttribute('role')).to.equal('alert');
    // Styled by the sheet the alerts brought with them.
    expect(parseFloat(getComputedStyle(toast).borderLeftWidth)).to.be.greaterThan(parseFloat(getComputedStyle(toast).borderTopWidth));
    expect(seen(toast.querySelector('.alert-text')!)).to.equal('Sales: 5 waiting (alert from 5)');
    expect(shown.map((n) => [n.title, n.body])).to.deep.equal([['Alerts', 'Sales: 5 waiting (alert from 5)']]);
    expect(row(el, 'q-sales')!.classList.contains('alerted')).to.equal(true);
    expect(row(el, 'q-support')!.classList.contains('alerted')).to.equal(false);
    const count = root(el).querySelector<HTMLButtonElement>('[part="alerts-count"]')!;
    expect(seen(count)).to.equal('1 alert');
    expect(count.getAttribute('aria-expanded')).to.equal('false');
    count.click();
    await el.updateComplete;
    expect(count.getAttribute('aria-expanded')).to.equal('true');
    const item = () => root(el).querySelector<HTMLElement>('[part="alerts"] .alert-item')!;
    item().querySelector<HTMLButtonElement>('button.ack')!.click();
    await waitUntil(() => item().querySelector('.alert-ack'), 'acknowledged');
    expect(seen(item().querySelector('.alert-ack')!)).to.equal('Acknowledged by Ava');
    expect(root(el).querySelector('[part="toast"]'), 'an acknowledged alert needs no toast').to.equal(null);
    // Another supervisor's widget learns of the acknowledgement too.
    const other = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${server.url} token=${await server.login('ben')}></fv-queue-realtime>`);
    await waitUntil(() => other.shadowRoot!.querySelector('[part="alerts-count"]'), 'Ben’s count');
    other.shadowRoot!.querySelector<HTMLButtonElement>('[part="alerts-count"]')!.click();
    await other.updateComplete;
    expect(seen(other.shadowRoot!.querySelector('[part="alerts"] .alert-ack')!)).to.equal('Acknowledged by Ava');
    await expect(el).to.be.accessible();
  });
});
