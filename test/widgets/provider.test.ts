import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-list/define.js';
import { FvProvider } from '../../widgets/provider/provider.js';
import '../../widgets/provider/define.js';
import { defineElement } from '../../widgets/core/define.js';
import { floorStream } from '../../widgets/core/stream.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import { waitUntil } from '../support/wait-until.js';
import { cells, root, waitForRows } from './support/agent-list-dom.js';
import { standardFloor, startAsAva, type TestServer } from './support/test-server.js';

describe('<fv-provider>', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(standardFloor)));
  after(() => server.close());

  it('gives the widgets inside it server, token, language, time zone and theme; a widget’s own attribute wins', async () => {
    const provider = await fixture<FvProvider>(html`<fv-provider api=${server.url} token=${token} lang="zh-CN" theme="dark" time-zone="Asia/Shanghai">
      <fv-agent-list style="height: 300px"></fv-agent-list>
      <fv-agent-list lang="en" theme="light" style="height: 300px"></fv-agent-list>
    </fv-provider>`);
    const [inherits, overrides] = [...provider.querySelectorAll('fv-agent-list')] as [FvAgentList, FvAgentList];
    await waitForRows(inherits, 5);
    await waitForRows(overrides, 5);
    expect(cells(inherits, 'a-3')[1]).to.equal('已签出');
    expect(cells(overrides, 'a-3')[1]).to.equal('Signed out');
    expect(root(inherits).querySelector('[part=base]')!.classList.contains('dark')).to.equal(true);
    expect(root(overrides).querySelector('[part=base]')!.classList.contains('light')).to.equal(true);
    const since = floorStream({ api: server.url, token }).agents.get('a-1')!.stateSince!;
    const inShanghai = new Intl.DateTimeFormat('zh-CN', { timeStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(Date.parse(since));
    expect(root(inherits).querySelector<HTMLElement>('[data-agent="a-1"] time')!.title, 'clock times in the provider’s zone').to.equal(inShanghai);
  });

  it('lets a nested provider override some settings and inherit the rest', async () => {
    const outer = await fixture<FvProvider>(html`<fv-provider api=${server.url} token=${token} lang="zh-CN">
      <fv-provider lang="en"><fv-agent-list style="height: 300px"></fv-agent-list></fv-provider>
    </fv-provider>`);
    const list = outer.querySelector('fv-agent-list')!;
    await waitForRows(list, 5);
    expect(cells(list, 'a-3')[1]).to.equal('Signed out');
  });

  it('reaches widgets that were defined before it (a provider bundle loading late)', async () => {
    const el = await fixture<HTMLElement>(html`<late-provider api=${server.url} token=${token}>
      <fv-agent-list style="height: 300px"></fv-agent-list>
    </late-provider>`);
    const list = el.querySelector('fv-agent-list')!;
    defineElement('late-provider', class extends FvProvider {});
    await waitForRows(list, 5);
    await waitUntil(() => list.connection === 'live', 'live');
  });
});
