import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-list/define.js';
import '../../widgets/provider/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import type { FvConnectionChangeEvent } from '../../widgets/core/events.js';
import { floorStream } from '../../widgets/core/stream.js';
import { waitUntil } from '../support/wait-until.js';
import { cells, names, root, row, rows, waitForNames, waitForRows } from './support/agent-list-dom.js';
import { ManualClock } from './support/manual-clock.js';
import { DISPLAY_TOKEN, eventFactory, standardFloor, startAsAva, startServer, type TestServer } from './support/test-server.js';

describe('<fv-agent-list>', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(standardFloor)));
  after(() => server.close());
  /** The page's clock, when a test drives it. */
  let clock: ManualClock | null = null;
  afterEach(() => {
    clock?.restore();
    clock = null;
  });

  const list = async (attrs = '') => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} style="height: 600px"></fv-agent-list>`);
    for (const [name, value] of attrs.split(' ').filter(Boolean).map((a) => a.split('='))) el.setAttribute(name!, value ?? '');
    await waitForRows(el, 5);
    return el;
  };

  /**
   * Ticks the page's clock `seconds` into a-1's call (answered 9:55 after the floor's start), on
   * the server's clock, half-way through that second: what the list shows no longer depends on
   * how long the machine took to get here.
   */
  const tickIntoCall = async (el: FvAgentList, clock: ManualClock, seconds: number) => {
    const floor = floorStream({ api: server.url, token });
    const answered = Date.parse(floor.agents.get('a-1')!.contactSince!);
    clock.tickAt(answered - floor.clockOffset + seconds * 1000 + 500);
    await el.updateComplete;
  };

  it('shows every column of C2 for each agent in scope', async () => {
    clock = new ManualClock();
    const el = await list();
    // Ten minutes after the floor's start: a-1 available for 9:50, on the call for 1:35.
    await tickIntoCall(el, clock, 95);
    await waitUntil(() => cells(el, 'a-1')[5] === '1:35', `contact time 1:35, saw ${cells(el, 'a-1')[5]}`);
    const [name, state, timeInState, queues, contact, contactTime, monitoredBy] = cells(el, 'a-1');
    expect(name).to.equal('李娜 Shanghai');
    expect(state).to.equal('Available');
    expect(timeInState).to.equal('9:50');
    expect(queues).to.equal('Sales: joined');
    expect(row(el, 'a-1')!.querySelector('.chip')!.textContent!.trim()).to.match(/^✓ Sales/);
    expect(contact).to.equal('Connected');
    expect(contactTime).to.equal('1:35');
    expect(monitoredBy).to.equal('');

    expect(cells(el, 'a-2').slice(1, 4)).to.deep.equal(['Unavailable Lunch', cells(el, 'a-2')[2], 'Sales: assigned, not joined Support: joined']);
    expect(cells(el, 'a-3')[1]).to.equal('Signed out');
    expect(cells(el, 'a-4')[4]).to.equal('Connected Outbound'); // the arrow is decoration
    expect(cells(el, 'a-5')[4]).to.equal('Ringing');
    expect(row(el, 'a-2')!.querySelector('.chip.assigned')!.textContent).to.contain('Sales');
  });

  it('fits a narrow portal column: two lines per agent, no sideways scrolling', async () => {
    const el = await fixture<FvAgentList>(html`<div style="width: 300px"><fv-agent-list api=${server.url} token=${token} style="height: 500px"></fv-agent-list></div>`).then(
      (wrap) => wrap.querySelector('fv-agent-list')!,
    );
    await waitForRows(el, 5);
    const wrap = root(el).querySelector<HTMLElement>('.table-wrap')!;
    expect(wrap.scrollWidth).to.be.at.most(wrap.clientWidth);
    const r = row(el, 'a-1')!;
    const [name, , , queues, contact] = [...r.querySelectorAll<HTMLElement>(':scope > [role=cell], :scope > [role=rowheader]')];
    expect(getComputedStyle(queues!).display).to.equal('none');
    expect(contact!.getBoundingClientRect().top).to.be.greaterThan(name!.getBoundingClientRect().bottom - 1, 'the contact is on the second line');
    expect(r.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
    // An outbound call: a bare arrow marks it here (the word is kept for screen readers), and nothing
    // spills out of the cell; a contact word too long for it ends in an ellipsis with the whole word as its title.
    const outbound = row(el, 'a-4')!.querySelector<HTMLElement>('.contact-cell')!;
    expect(outbound.scrollWidth, outbound.textContent!).to.be.at.most(outbound.clientWidth);
    expect(outbound.querySelector('.badge.outbound')!.getAttribute('title')).to.equal('Outbound');
    const word = outbound.querySelector<HTMLElement>('.contact')!;
    if (word.scrollWidth > word.clientWidth) expect([getComputedStyle(word).textOverflow, word.title]).to.deep.equal(['ellipsis', 'Connected']);
  });

  it('lays out every column in one line when wide', async () => {
    const el = await fixture<FvAgentList>(html`<div style="width: 1200px"><fv-agent-list api=${server.url} token=${token} style="height: 500px"></fv-agent-list></div>`).then(
      (wrap) => wrap.querySelector('fv-agent-list')!,
    );
    await waitForRows(el, 5);
    const cellsOfRow = [...row(el, 'a-1')!.querySelectorAll<HTMLElement>(':scope > [role=cell], :scope > [role=rowheader]')];
    const name = cellsOfRow[0]!.getBoundingClientRect();
    for (const c of cellsOfRow) {
      const box = c.getBoundingClientRect();
      expect(box.top < name.bottom && box.bottom > name.top, 'on the name’s line').to.equal(true);
    }
    expect(getComputedStyle(cellsOfRow[3]!).display).not.to.equal('none');
  });

  it('renders HTML in a name as text', async () => {
    const el = await list();
    expect(cells(el, 'a-4')[0]).to.equal('<img src=x onerror="window.__pwned=1"> Austin');
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('ticks durations every second from the shared clock, without server traffic', async () => {
    clock = new ManualClock();
    const el = await list();
    const contactTime = () => cells(el, 'a-1')[5];
    // API requests begun from here on (the list may still be loading its actions module, or finishing a request begun before).
    const from = performance.now();
    const apiRequests = () =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/') && e.startTime >= from)
        .map((e) => e.name);
    await tickIntoCall(el, clock, 95);
    await waitUntil(() => contactTime() === '1:35', `contact time 1:35, saw ${contactTime()}`);
    await tickIntoCall(el, clock, 96);
    await waitUntil(() => contactTime() === '1:36', `contact time 1:36, saw ${contactTime()}`);
    await tickIntoCall(el, clock, 3_605);
    await waitUntil(() => contactTime() === '1:00:05', `contact time 1:00:05, saw ${contactTime()}`);
    expect(apiRequests()).to.deep.equal([]);
  });

  it('sorts by any column, both ways', async () => {
    const el = await list();
    await waitForNames(el, ['<img src=x onerror="window.__pwned=1">', 'Ben Carter', 'Olivia Smith', 'Wang Wei', '李娜']);
    const header = (label: string) => [...root(el).querySelectorAll<HTMLButtonElement>('.sort')].find((b) => b.textContent!.includes(label))!;

    header('State').click();
    await waitForNames(el, ['<img src=x onerror="window.__pwned=1">', 'Ben Carter', '李娜', 'Wang Wei', 'Olivia Smith']);
    expect(header('State').parentElement!.getAttribute('aria-sort')).to.equal('ascending');

    header('Contact time').click();
    // Shortest first; idle agents last either way.
    await waitForNames(el, ['Ben Carter', '<img src=x onerror="window.__pwned=1">', '李娜', 'Olivia Smith', 'Wang Wei']);
    header('Contact time').click();
    await waitForNames(el, ['李娜', '<img src=x onerror="window.__pwned=1">', 'Ben Carter', 'Olivia Smith', 'Wang Wei']);
    expect(header('Contact time').parentElement!.getAttribute('aria-sort')).to.equal('descending');
    expect(el.sort).to.equal('contactDuration');
  });

  it('filters by queue, state and name', async () => {
    const el = await list();
    const [queue, state] = root(el).querySelectorAll('select');
    queue!.value = 'q-support';
    queue!.dispatchEvent(new Event('change'));
    await waitForNames(el, ['Ben Carter', 'Olivia Smith', 'Wang Wei']);

    state!.value = 'available';
    state!.dispatchEvent(new Event('change'));
    await waitForNames(el, ['Ben Carter']);

    el.queue = '';
    el.agentState = '';
    const search = root(el).querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'WANG';
    search.dispatchEvent(new Event('input'));
    await waitForNames(el, ['Wang Wei']);
    expect(root(el).querySelector('.count')!.textContent).to.equal('1 of 5 agents');
  });

  it('groups by queue, listing an agent under each of their queues', async () => {
    const el = await list();
    root(el).querySelectorAll<HTMLButtonElement>('.segmented button')[1]!.click();
    await waitUntil(() => root(el).querySelectorAll('[part~="group"]').length === 2, 'two groups');
    const groups = [...root(el).querySelectorAll('[part~="group"]')].map((g) => g.textContent!.replace(/\s+/g, ' ').trim());
    expect(groups).to.deep.equal(['Sales 3 agents, 2 joined', 'Support 3 agents, 2 joined']);
    expect(rows(el).filter((r) => r.dataset.agent === 'a-2')).to.have.length(2);
    expect(el.view).to.equal('queue');
  });

  it('switches language with its lang attribute', async () => {
    const el = await list();
    el.lang = 'zh-CN';
    await waitUntil(() => cells(el, 'a-1')[1] === '可用', 'rows in Chinese');
    expect(cells(el, 'a-1').slice(3, 5)).to.deep.equal(['Sales:已加入', '已接通']);
    expect(root(el).querySelector('[part=status]')!.textContent).to.contain('实时');
    expect(root(el).querySelector('[part=base]')!.getAttribute('lang')).to.equal('zh-CN');
  });

  it('takes server, credentials and language from an enclosing provider', async () => {
    const provided = await fixture<HTMLElement>(
      html`<fv-provider api=${server.url} token=${token} lang="zh-CN"><fv-agent-list style="height: 400px"></fv-agent-list></fv-provider>`,
    );
    const inner = provided.querySelector('fv-agent-list')!;
    await waitForRows(inner, 5);
    expect(cells(inner, 'a-3')[1]).to.equal('已签出');
    provided.setAttribute('lang', 'en');
    await waitUntil(() => cells(inner, 'a-3')[1] === 'Signed out', 'back to English');
  });

  it('takes its colours from --fv-* tokens and can be styled through ::part', async () => {
    const style = document.createElement('style');
    style.textContent = `fv-agent-list.themed { --fv-color-surface: rgb(1, 2, 3); } fv-agent-list.themed::part(row) { font-style: italic; }`;
    document.head.append(style);
    try {
      const el = await list();
      const base = root(el).querySelector('[part=base]')!;
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
      el.classList.add('themed');
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(rows(el)[0]!).fontStyle).to.equal('italic');
      el.theme = 'dark';
      el.classList.remove('themed');
      await el.updateComplete;
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(17, 24, 39)');
    } finally {
      style.remove();
    }
  });

  it('keeps the host page’s styles out and its own in', async () => {
    const style = document.createElement('style');
    style.textContent = `button { background: rgb(255, 0, 255) !important; text-transform: uppercase; } .hostile { letter-spacing: 9px; text-transform: uppercase; }`;
    document.head.append(style);
    try {
      const wrapper = await fixture<HTMLElement>(html`<div class="hostile"><fv-agent-list api=${server.url} token=${token} style="height: 400px"></fv-agent-list><button>Portal</button></div>`);
      const el = wrapper.querySelector('fv-agent-list')!;
      await waitForRows(el, 5);
      const sortButton = root(el).querySelector('.sort')!;
      expect(getComputedStyle(sortButton).backgroundColor).to.not.equal('rgb(255, 0, 255)');
      expect(getComputedStyle(sortButton).textTransform).to.equal('none');
      expect(getComputedStyle(root(el).querySelector('[part=base]')!).letterSpacing).to.equal('normal');
      expect(getComputedStyle(wrapper.querySelector(':scope > button')!).backgroundColor).to.equal('rgb(255, 0, 255)');
    } finally {
      style.remove();
    }
  });

  it('is read-only for a wallboard display token', async () => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${DISPLAY_TOKEN} style="height: 400px"></fv-agent-list>`);
    await waitForRows(el, 3);
    expect(names(el)).to.deep.equal(['Ben Carter', 'Olivia Smith', 'Wang Wei']);
    await waitUntil(() => el.connection === 'live', 'live');
    expect(root(el).querySelector('[data-actions]')).to.equal(null);
  });

  it('reports its connection as an attribute and an event', async () => {
    const el = document.createElement('fv-agent-list');
    el.api = server.url;
    el.token = token;
    const changed = oneEvent<FvConnectionChangeEvent>(el, 'fv-connection-change');
    document.body.append(el);
    try {
      expect((await changed).state).to.be.oneOf(['connecting', 'live']);
      await waitUntil(() => el.getAttribute('connection') === 'live', 'live');
      expect(root(el).querySelector('[part=status]')!.textContent!.trim()).to.equal('Live');
    } finally {
      el.remove();
    }
  });

  it('is accessible', async () => {
    const el = await list();
    await expect(el).to.be.accessible();
    el.view = 'queue';
    el.lang = 'zh-CN';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('<fv-agent-list> with 2,000 agents', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({ agents: 2000 });
    const ev = eventFactory();
    await server.events(...Array.from({ length: 2000 }, (_, i) => ev('agent.signed_in', i / 100, { agentId: `a-${i + 1}` })));
  });
  after(() => server.close());

  it('renders only the rows in view, and the rest as they scroll in', async () => {
    const token = await server.login('ava');
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} style="height: 500px"></fv-agent-list>`);
    await waitUntil(() => root(el).querySelector('.count')?.textContent === '2,000 of 2,000 agents', 'all agents');
    await waitUntil(() => rows(el).length > 0, 'rows');
    expect(rows(el).length).to.be.below(60);
    const body = root(el).querySelector<HTMLElement>('.body')!;
    // Like a user dragging the scrollbar to the end until it stays there (the layout corrects its estimates as rows are measured).
    await waitUntil(() => {
      body.scrollTop = body.scrollHeight;
      return names(el).includes('Agent 2000');
    }, 'the last agent scrolled into view');
    expect(rows(el).length).to.be.below(60);
  });
});
