import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-list/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import { waitUntil } from '../support/wait-until.js';
import { cells, root, row, waitForRows } from './support/agent-list-dom.js';
import { agentRow, fakeFloor, queueRow, type FakeFloor } from './support/fake-floor.js';
import { standardFloor, startAsAva, type TestServer } from './support/test-server.js';

const API = 'http://floorview.test';

/** What the queue chips and the empty list tell the supervisor when there is more, or nothing, to show. */
describe('<fv-agent-list> queue chips', () => {
  let n = 0;
  let floor: FakeFloor;
  let token: string;

  beforeEach(() => {
    token = `chips-${++n}`;
    floor = fakeFloor(API, token);
  });

  const QUEUES = [
    queueRow('q-tech', 'Technical support'),
    queueRow('q-sales', 'Sales'),
    queueRow('q-billing', 'Billing and payments'),
    queueRow('q-retention', 'Retention'),
    queueRow('q-onboarding', 'Onboarding'),
  ];

  async function list(width: number): Promise<FvAgentList> {
    const wrap = await fixture<HTMLElement>(html`<div style="width: ${width}px"><fv-agent-list api=${API} token=${token} style="height: 400px"></fv-agent-list></div>`);
    const el = wrap.querySelector<FvAgentList>('fv-agent-list')!;
    floor.snapshot(QUEUES, [
      agentRow('a-many', [['q-tech', true], ['q-sales', true], ['q-billing', false], ['q-retention', true], ['q-onboarding', false]], { name: 'Many Queues' }),
      agentRow('a-three', [['q-tech', true], ['q-sales', false], ['q-retention', true]], { name: 'Three Queues' }),
    ]);
    await waitForRows(el, 2);
    return el;
  }

  const chips = (el: FvAgentList, agentId: string) => [...row(el, agentId)!.querySelectorAll<HTMLElement>('.chip')];

  it('shows two chips and "+N" naming the rest when more do not fit', async () => {
    const el = await list(1000);
    const shown = chips(el, 'a-many');
    expect(shown.map((c) => c.querySelector('[aria-hidden=true]')!.textContent!.trim())).to.deep.equal(['✓ Technical support', '✓ Sales', '+3']);
    expect(shown[2]!.title).to.equal('3 more: Billing and payments: assigned, not joined, Retention: joined, Onboarding: assigned, not joined');
    expect(cells(el, 'a-many')[3], 'a screen reader hears every queue').to.equal(
      'Technical support: joined Sales: joined 3 more: Billing and payments: assigned, not joined, Retention: joined, Onboarding: assigned, not joined',
    );
    expect(chips(el, 'a-three'), 'three chips are shown, not two and "+1"').to.have.length(3);
  });

  for (const width of [1000, 1440]) {
    it(`never cuts a chip unseen at ${width} px: whole, or an ellipsis with the name in the tooltip`, async () => {
      const el = await list(width);
      for (const agentId of ['a-many', 'a-three']) {
        const list = row(el, agentId)!.querySelector<HTMLElement>('.chips')!.getBoundingClientRect();
        for (const chip of chips(el, agentId)) {
          const box = chip.getBoundingClientRect();
          expect(box.right, `${chip.title} ends inside its cell`).to.be.at.most(list.right + 0.5);
          expect(box.width, `${chip.title} is not squeezed to nothing`).to.be.greaterThan(20);
          if (chip.scrollWidth > chip.clientWidth) {
            expect(getComputedStyle(chip).textOverflow, `${chip.title} cut with an ellipsis`).to.equal('ellipsis');
            expect(chip.title).to.not.equal('');
          }
        }
        const more = chips(el, agentId).find((c) => c.classList.contains('more'));
        if (more) expect(more.scrollWidth, '"+N" is never cut').to.be.at.most(more.clientWidth);
      }
    });
  }
});

describe('<fv-agent-list> empty states', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(standardFloor)));
  after(() => server.close());

  const empty = (el: FvAgentList) => root(el).querySelector<HTMLElement>('.empty');

  it('says no agent matches a search, and offers the way back', async () => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} style="height: 500px"></fv-agent-list>`);
    await waitForRows(el, 5);
    el.search = 'xyz';
    await waitUntil(() => empty(el), 'empty state shown');
    expect(empty(el)!.getAttribute('role')).to.equal('status');
    expect(empty(el)!.querySelector('p')!.textContent).to.equal('No agent matches “xyz”.');
    const box = empty(el)!.getBoundingClientRect();
    const wrap = root(el).querySelector('.table-wrap')!.getBoundingClientRect();
    expect(box.top, 'visible inside the table, not scrolled away').to.be.within(wrap.top, wrap.bottom - box.height);
    expect(box.top, 'below the column headings').to.be.at.least(root(el).querySelector('.row.head')!.getBoundingClientRect().bottom - 0.5);

    el.agentState = 'signed_out';
    await el.updateComplete;
    expect(empty(el)!.querySelector('p')!.textContent).to.equal('No agent matches “xyz” with these filters.');

    empty(el)!.querySelector('button')!.click();
    await waitForRows(el, 5);
    expect([el.search, el.agentState, empty(el)]).to.deep.equal(['', '', null]);
    expect(root(el).activeElement, 'focus on the search box').to.equal(root(el).querySelector('.search'));
  });

  it('says so for filters that match nothing, in Chinese too, below the two-line headings of a narrow column', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div style="width: 340px"><fv-agent-list api=${server.url} token=${token} lang="zh-CN" search="李" agent-state="signed_out" queue="q-sales" style="height: 500px"></fv-agent-list></div>`,
    );
    const el = wrap.querySelector<FvAgentList>('fv-agent-list')!;
    await waitUntil(() => empty(el)?.querySelector('p'), 'empty state shown');
    const heads = root(el).querySelector('.row.head')!.getBoundingClientRect();
    expect(empty(el)!.getBoundingClientRect().top, 'below the column headings').to.be.at.least(heads.bottom - 0.5);
    expect(empty(el)!.querySelector('p')!.textContent).to.equal('在当前筛选条件下,没有与“李”匹配的座席。');
    el.search = '';
    await el.updateComplete;
    expect(empty(el)!.querySelector('p')!.textContent).to.equal('没有符合筛选条件的座席。');
  });
});
