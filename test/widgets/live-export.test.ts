import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-list/define.js';
import '../../widgets/queue-realtime/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import type { FvQueueRealtime } from '../../widgets/queue-realtime/queue-realtime.js';
import { waitUntil } from '../support/wait-until.js';
import { captureDownload } from './support/capture-download.js';
import { names, root, waitForNames, waitForRows } from './support/agent-list-dom.js';
import { standardFloor, startAsAva, type TestServer } from './support/test-server.js';

const STAMP = /^\d{4}-\d\d-\d\d \d\d-\d\d-\d\d$/;
const records = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

/** CSV export of the live tables: the rows and columns as shown, headings in the widget's language. */
describe('live CSV export', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(standardFloor)));
  after(() => server.close());

  it('exports the agent list as filtered and sorted, one line per agent', async () => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} style="height: 600px"></fv-agent-list>`);
    await waitForRows(el, 5);
    el.agentState = 'available';
    el.sort = 'name';
    el.sortDirection = 'desc';
    await waitForRows(el, 3);
    const shown = names(el);
    expect(shown).to.have.length(3);

    const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('button.export')!.click());
    expect(file.name.startsWith('Agents ')).to.equal(true);
    expect(file.name.slice('Agents '.length, -'.csv'.length)).to.match(STAMP);
    expect(file.text.startsWith('\uFEFF'), 'a byte-order mark for spreadsheet programs').to.equal(true);
    const [header, ...lines] = records(file.text);
    expect(header).to.equal('Agent,Location,State,Reason,Time in state (s),Queues,Contact,Direction,Contact time (s),Monitored by');
    expect(lines.map((l) => l.split(',')[0]), 'the rows shown, in the order shown').to.deep.equal(shown.map((n) => (n.includes(',') || n.includes('"') ? `"${n.replace(/"/g, '""')}"` : n)));
    const liNa = lines.find((l) => l.startsWith('李娜,'))!.split(',');
    expect(liNa.slice(1, 4)).to.deep.equal(['Shanghai', 'Available', '']);
    expect(Number(liNa[4]), 'time in state in whole seconds').to.be.within(9 * 60, 11 * 60);
    expect(liNa.slice(5, 8)).to.deep.equal(['Sales: joined', 'Connected', 'Inbound']);
    expect(Number(liNa[8])).to.be.within(60, 180);
  });

  it('exports the grouped view once per agent, with the headings in Chinese', async () => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} lang="zh-CN" view="queue" search="wang" style="height: 600px"></fv-agent-list>`);
    await waitForNames(el, ['Wang Wei', 'Wang Wei']);
    const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('button.export')!.click());
    expect(file.name.startsWith('座席 ')).to.equal(true);
    const [header, ...lines] = records(file.text);
    expect(header!.split(',').slice(0, 5)).to.deep.equal(['座席', '位置', '状态', '原因', '状态持续时间(秒)']);
    expect(lines).to.have.length(1);
    expect(lines[0]!.split(',').slice(0, 4)).to.deep.equal(['Wang Wei', 'Shanghai', '不可用', 'Lunch']);
  });

  it('exports the live queue table with the aggregate row, raw figures', async () => {
    const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${server.url} token=${token} trend="none" style="width: 1100px"></fv-queue-realtime>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('tbody [part~=row]').length === 2, 'two queues shown');
    const file = await captureDownload(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.export')!.click());
    expect(file.name.slice('Queues '.length, -'.csv'.length)).to.match(STAMP);
    const [header, ...lines] = records(file.text);
    expect(header).to.equal(
      'Queue,Waiting,Longest wait (s),Agents,Staffed,Idle,Unavailable,Needed,Service level,Abandon rate,Calls today,Answered today,Abandoned today',
    );
    expect(lines.map((l) => l.split(',')[0])).to.deep.equal(['Sales', 'Support', 'All shown']);
    const support = lines[1]!.split(',');
    // c-3 rings at Ben Carter: one waiting; Wang Wei, Olivia Smith and Ben Carter are assigned to Support.
    expect([support[1], support[3]]).to.deep.equal(['1', '3']);
  });
});
