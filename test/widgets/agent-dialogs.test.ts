import { expect } from '@open-wc/testing';
import './support/resize-observer.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widgets/agent-list/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import { waitUntil } from '../support/wait-until.js';
import { actionableList, choose, dialog, root } from './support/agent-list-dom.js';
import type { TestServer } from './support/test-server.js';

/** The agent list's dialogs as a user meets them: laid out, centred, and keeping the keyboard focus. */
describe('<fv-agent-list> dialogs', () => {
  let server: TestServer;
  let el: FvAgentList;

  beforeEach(async () => ({ server, el } = await actionableList()));
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await server.close();
  });

  const focused = () => root(el).activeElement;
  const actionsButton = (agentId: string) => root(el).querySelector<HTMLButtonElement>(`[data-actions="${agentId}"]`)!;

  /** Opens a dialog from the keyboard, as a keyboard user would: focus on the row's button, Enter, the item. */
  async function openFromKeyboard(agentId: string, item: string): Promise<HTMLDialogElement> {
    await choose(el, agentId, item);
    return waitUntil(() => dialog(el), 'dialog open').then(() => dialog(el)!);
  }

  for (const width of [360, 1440]) {
    it(`shows the queues dialog centred with its parts stacked at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const d = await openFromKeyboard('a-2', 'Manage queues');
      const box = d.getBoundingClientRect();
      expect(Math.abs(box.left - (innerWidth - box.right)), 'centred across').to.be.at.most(2);
      expect(Math.abs(box.top - (innerHeight - box.bottom)), 'centred down').to.be.at.most(2);
      expect(box.left, 'inside the viewport').to.be.at.least(0);
      const parts = [d.querySelector('h2')!, d.querySelector('.hint')!, ...d.querySelectorAll('label.choice'), d.querySelector('.dialog-actions')!];
      expect(parts.length).to.equal(5);
      for (let i = 1; i < parts.length; i++) {
        const above = parts[i - 1]!.getBoundingClientRect();
        const below = parts[i]!.getBoundingClientRect();
        expect(below.top, `${parts[i]!.className} below ${parts[i - 1]!.className || parts[i - 1]!.tagName}`).to.be.at.least(above.bottom - 0.5);
      }
      const close = d.querySelector('.dialog-actions button')!.getBoundingClientRect();
      expect(close.right, 'Close inside the dialog').to.be.at.most(box.right);
    });
  }

  it('keeps the focus in the dialog when the server refuses, and returns it to the row on close', async () => {
    // 李娜 is available: asking for available again is refused (409) with the server's words.
    const d = await openFromKeyboard('a-1', 'Change state');
    d.querySelector<HTMLInputElement>('input[value=available]')!.click();
    const submit = d.querySelector<HTMLButtonElement>('button[type=submit]')!;
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => d.querySelector('[role=alert]'), 'refusal shown in the dialog');
    expect(d.querySelector('[role=alert]')!.textContent).to.equal('李娜 is already available.');
    expect(d.open, 'the dialog stays open').to.equal(true);
    expect(focused(), 'focus not lost to the page').to.not.equal(null);
    expect(d.contains(focused()), 'focus inside the dialog').to.equal(true);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el), 'dialog closed');
    expect(focused()).to.equal(actionsButton('a-1'));
  });

  it('keeps the focus on a queue box while its change is pending and after', async () => {
    const d = await openFromKeyboard('a-2', 'Manage queues');
    const box = d.querySelector<HTMLInputElement>('input[name="q-sales"]')!;
    box.focus();
    await server.platform('hold');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => box.getAttribute('aria-disabled') === 'true', 'pending');
    expect(focused()).to.equal(box);
    await sendKeys({ press: 'Space' });
    expect(box.checked, 'a second press while pending changes nothing').to.equal(true);
    await server.platform('confirm');
    await server.release();
    await waitUntil(() => box.getAttribute('aria-disabled') === 'false' && box.checked, 'joined');
    expect(focused()).to.equal(box);
    expect((await server.commands()).filter((c) => c.kind === 'join_queue' || c.kind === 'leave_queue')).to.have.length(1);
  });

  it('keeps the focus in the dialog when the platform refuses a queue change', async () => {
    await server.platform('refuse', 'Agent phone offline');
    const d = await openFromKeyboard('a-2', 'Manage queues');
    const box = d.querySelector<HTMLInputElement>('input[name="q-sales"]')!;
    box.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => d.querySelector('[role=alert]'), 'refusal shown');
    expect(d.contains(focused()), 'focus inside the dialog').to.equal(true);
    expect(box.checked, 'back to the live value').to.equal(false);
  });
});
