import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-list/define.js';
import '../../widgets/queue-realtime/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import type { FvQueueRealtime } from '../../widgets/queue-realtime/queue-realtime.js';
import { waitUntil } from '../support/wait-until.js';
import { choose, dialog, root, row, waitForRows } from './support/agent-list-dom.js';
import { standardFloor, startAsAva, type TestServer } from './support/test-server.js';

/**
 * Directory names in the viewer's language (issue 14): a real server whose directory
 * translates Sales and the state reason Lunch into zh-CN and leaves Support as it is.
 */
describe('directory names in the widget’s language', () => {
  let server: TestServer;
  let token: string;

  before(async () => ({ server, token } = await startAsAva(standardFloor, { translated: true })));
  after(() => server.close());

  const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '';
  const chipNames = (el: FvAgentList, agentId: string) =>
    [...row(el, agentId)!.querySelectorAll('.chip [aria-hidden=true]')].map((c) => text(c).replace(/^✓ /, ''));

  async function agentList(lang: string): Promise<FvAgentList> {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} lang=${lang} style="height: 400px"></fv-agent-list>`);
    await waitForRows(el, 5);
    return el;
  }

  describe('<fv-agent-list>', () => {
    it('shows zh-CN translations of queue chips and the state reason, and the name where there is none', async () => {
      const el = await agentList('zh-CN');
      expect(chipNames(el, 'a-2')).to.have.members(['销售', 'Support']);
      expect(text(row(el, 'a-2')!.querySelector('.reason'))).to.equal('午餐');
    });

    it('shows the directory names in English', async () => {
      const el = await agentList('en');
      expect(chipNames(el, 'a-2')).to.have.members(['Sales', 'Support']);
      expect(text(row(el, 'a-2')!.querySelector('.reason'))).to.equal('Lunch');
    });

    it('offers the directory’s state reasons in zh-CN and sends the one picked by its name', async () => {
      const el = await agentList('zh-CN');
      await waitUntil(() => root(el).querySelector('[data-actions]'), 'actions offered once /auth/me answered');
      await choose(el, 'a-1', '更改座席状态');
      await waitUntil(() => dialog(el)?.querySelectorAll('datalist option').length === 2, 'the directory’s two reasons offered');
      const d = dialog(el)!;
      expect([...d.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).to.deep.equal(['午餐', '休息']);
      d.querySelector<HTMLInputElement>('input[value=unavailable]')!.click();
      d.querySelector<HTMLInputElement>('input[name=reason]')!.value = '休息';
      d.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(async () => (await server.commands()).some((c) => JSON.stringify(c).includes('"Break"')), 'the command carries the reason’s directory name');
      await waitUntil(() => text(row(el, 'a-1')?.querySelector('.reason')) === '休息', 'the row shows the reason in zh-CN once the platform confirms');
    });
  });

  describe('<fv-queue-realtime>', () => {
    const tileName = (el: FvQueueRealtime, queueId: string) => text(el.shadowRoot!.querySelector(`[data-queue="${queueId}"] .name-text`));

    for (const [lang, sales] of [['zh-CN', '销售'], ['en', 'Sales']] as const) {
      it(`names the queues in ${lang}`, async () => {
        const el = await fixture<FvQueueRealtime>(html`<fv-queue-realtime api=${server.url} token=${token} lang=${lang} view="tiles"></fv-queue-realtime>`);
        await waitUntil(() => tileName(el, 'q-sales') && tileName(el, 'q-support'), 'both queues shown');
        expect([tileName(el, 'q-sales'), tileName(el, 'q-support')]).to.deep.equal([sales, 'Support']);
      });
    }
  });
});
