import { expect, oneEvent } from '@open-wc/testing';
import './support/resize-observer.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/agent-list/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import type { FvAgentChatEvent } from '../../widgets/agent-list/events.js';
import type { FvErrorEvent } from '../../widgets/core/events.js';
import { waitUntil } from '../support/wait-until.js';
import { actionableList, cells, choose, dialog, menuItems, openMenu, root, row } from './support/agent-list-dom.js';
import type { TestServer } from './support/test-server.js';

describe('<fv-agent-list> supervisor actions', () => {
  let server: TestServer;
  let el: FvAgentList;

  // Every action changes the floor: a fresh server (its own database) per test.
  beforeEach(async () => ({ server, el } = await actionableList()));
  afterEach(() => server.close());

  const monitorCell = (agentId: string) => cells(el, agentId)[6];
  const busy = (agentId: string) => row(el, agentId)?.getAttribute('aria-busy') === 'true';
  /** The last command the platform received, once `count` have arrived. */
  const lastCommand = async (count?: number) => {
    if (count !== undefined) await waitUntil(async () => (await server.commands()).length >= count, `${count} commands received`);
    return (await server.commands()).at(-1)!;
  };

  it('offers only what the agent’s live state allows', async () => {
    await openMenu(el, 'a-1');
    expect(menuItems(el)).to.deep.equal(['Monitor', 'Private coach', 'Barge in', 'Manage queues', 'Change state', 'Sign out', 'Chat']);
    await openMenu(el, 'a-2');
    expect(menuItems(el)).to.deep.equal(['Manage queues', 'Change state', 'Sign out', 'Chat']);
    await openMenu(el, 'a-5');
    expect(menuItems(el), 'a ringing call cannot be monitored yet').to.deep.equal(['Manage queues', 'Change state', 'Sign out', 'Chat']);
    await openMenu(el, 'a-3');
    expect(menuItems(el)).to.deep.equal(['Manage queues', 'Chat']);
  });

  it('styles the menu and its dialogs with the sheet their lazy chunk brings', async () => {
    const menu = await openMenu(el, 'a-2');
    expect(getComputedStyle(menu).minWidth, 'the menu is 12rem wide at least').to.equal('192px');
    await choose(el, 'a-2', 'Change state');
    await waitUntil(() => dialog(el), 'dialog open');
    expect(getComputedStyle(dialog(el)!.querySelector('.reason-field')!).flexDirection).to.equal('column');
  });

  it('monitors, coaches, barges, returns to monitor and ends, each settled by the stream', async () => {
    await server.platform('hold');
    await choose(el, 'a-1', 'Monitor');
    await waitUntil(() => busy('a-1'), 'pending while the platform has not confirmed');
    expect(await lastCommand(1)).to.include({ kind: 'monitor', mode: 'monitor', agentId: 'a-1', supervisorId: 's-ava' });
    expect(monitorCell('a-1')).to.equal('Waiting for the phone system…');
    await server.platform('confirm');
    await server.release();
    await waitUntil(() => monitorCell('a-1') === 'You · Monitor' && !busy('a-1'), 'confirmed');

    await openMenu(el, 'a-1');
    expect(menuItems(el)).to.deep.equal(['Private coach', 'Barge in', 'End monitoring', 'Manage queues', 'Change state', 'Sign out', 'Chat']);
    await choose(el, 'a-1', 'Private coach');
    await waitUntil(() => monitorCell('a-1') === 'You · Coach' && !busy('a-1'), 'coaching');
    expect(await lastCommand()).to.include({ kind: 'monitor', mode: 'coach' });

    await openMenu(el, 'a-1');
    expect(menuItems(el).slice(0, 3)).to.deep.equal(['Return to monitor', 'Barge in', 'End monitoring']);
    await choose(el, 'a-1', 'Barge in');
    await waitUntil(() => monitorCell('a-1') === 'You · Barge' && !busy('a-1'), 'barged in');

    await choose(el, 'a-1', 'Return to monitor');
    await waitUntil(() => monitorCell('a-1') === 'You · Monitor' && !busy('a-1'), 'back to monitoring');
    expect(await lastCommand()).to.include({ kind: 'monitor', mode: 'monitor' });

    await choose(el, 'a-1', 'End monitoring');
    await waitUntil(() => monitorCell('a-1') === '' && !busy('a-1'), 'ended');
    expect(await lastCommand()).to.include({ kind: 'end_monitor', agentId: 'a-1' });
  });

  it('shows who else is monitoring, and offers no monitoring then', async () => {
    const ben = await server.login('ben');
    await fetch(`${server.url}/api/v1/agents/a-1/monitor`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ben}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'coach' }),
    });
    await waitUntil(() => monitorCell('a-1') === 'Ben · Coach', 'Ben coaching');
    await openMenu(el, 'a-1');
    expect(root(el).querySelector('.menu-note')!.textContent).to.equal('Monitored by Ben');
    expect(menuItems(el)).to.deep.equal(['Manage queues', 'Change state', 'Sign out', 'Chat']);
  });

  it('joins and leaves queues from the queues dialog', async () => {
    await choose(el, 'a-2', 'Manage queues');
    await waitUntil(() => dialog(el), 'dialog open');
    const box = (queueId: string) => dialog(el)!.querySelector<HTMLInputElement>(`input[name="${queueId}"]`)!;
    expect([box('q-sales').checked, box('q-support').checked]).to.deep.equal([false, true]);

    // Held by the platform, so the pending state lasts until the test releases it, however slow the page is.
    await server.platform('hold');
    box('q-sales').click();
    expect(box('q-sales').checked).to.equal(true);
    const boxBusy = (queueId: string) => box(queueId).getAttribute('aria-disabled') === 'true';
    await waitUntil(() => boxBusy('q-sales'), 'pending');
    expect(await lastCommand(1)).to.include({ kind: 'join_queue', queueId: 'q-sales', agentId: 'a-2' });
    await server.platform('confirm');
    await server.release();
    await waitUntil(() => !boxBusy('q-sales') && box('q-sales').checked, 'joined');

    box('q-support').click();
    await waitUntil(() => cells(el, 'a-2')[3] === 'Sales: joined Support: assigned, not joined', 'left');
    expect(box('q-support').checked).to.equal(false);
    expect(await lastCommand(2)).to.include({ kind: 'leave_queue', queueId: 'q-support' });
  });

  it('changes state, with a reason when unavailable', async () => {
    await choose(el, 'a-1', 'Change state');
    await waitUntil(() => dialog(el), 'dialog open');
    const form = dialog(el)!.querySelector('form')!;
    expect(form.querySelector<HTMLInputElement>('input[value=unavailable]')!.checked, 'the other state is preselected').to.equal(true);
    expect([...form.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).to.include('Lunch');
    form.querySelector<HTMLInputElement>('input[name=reason]')!.value = 'Coaching';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => !dialog(el), 'closes once accepted');
    await waitUntil(() => cells(el, 'a-1')[1] === 'Unavailable Coaching', 'confirmed');
    expect(await lastCommand()).to.include({ kind: 'set_state', state: 'unavailable', reason: 'Coaching' });

    await choose(el, 'a-1', 'Change state');
    await waitUntil(() => dialog(el), 'dialog open');
    dialog(el)!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => cells(el, 'a-1')[1] === 'Available', 'available again');
  });

  it('signs an agent out only after confirmation', async () => {
    await choose(el, 'a-2', 'Sign out');
    await waitUntil(() => dialog(el), 'dialog open');
    expect(dialog(el)!.textContent).to.contain('Wang Wei stops receiving calls');
    const [cancel, confirm] = dialog(el)!.querySelectorAll<HTMLButtonElement>('.dialog-actions button');
    cancel!.click();
    await waitUntil(() => !dialog(el), 'cancelled');
    expect(await server.commands()).to.deep.equal([]);

    await choose(el, 'a-2', 'Sign out');
    await waitUntil(() => dialog(el), 'dialog open again');
    dialog(el)!.querySelectorAll<HTMLButtonElement>('.dialog-actions button')[1]!.click();
    await waitUntil(() => cells(el, 'a-2')[1] === 'Signed out', 'signed out');
    expect(await lastCommand()).to.include({ kind: 'sign_out', agentId: 'a-2' });
    expect(confirm).to.exist;
  });

  it('asks the host for a chat with fv-agent-chat', async () => {
    const chat = oneEvent<FvAgentChatEvent>(el, 'fv-agent-chat');
    await choose(el, 'a-2', 'Chat');
    expect((await chat).agentId).to.equal('a-2');
  });

  it('shows the platform’s refusal in its words', async () => {
    await server.platform('refuse', 'Agent phone offline');
    const error = oneEvent<FvErrorEvent>(el, 'fv-error');
    await choose(el, 'a-1', 'Monitor');
    const { code, message } = await error;
    expect([code, message]).to.deep.equal(['platform_error', 'The telephony platform refused the command (HTTP 500): Agent phone offline']);
    await waitUntil(() => root(el).querySelector('[part=alert]'), 'alert shown');
    expect(root(el).querySelector('[part=alert] p')!.textContent).to.equal(
      'Monitor for 李娜 was refused: The telephony platform refused the command (HTTP 500): Agent phone offline',
    );
    expect(busy('a-1')).to.equal(false);
    root(el).querySelector<HTMLButtonElement>('[part=alert] button')!.click();
    await waitUntil(() => !root(el).querySelector('[part=alert]'), 'dismissed');
  });

  it('shows a conflict with the live state in the server’s words', async () => {
    // Ben's monitor command is held by the platform: the call is claimed, the stream shows nothing yet.
    await server.platform('hold');
    const ben = await server.login('ben');
    const res = await fetch(`${server.url}/api/v1/agents/a-1/monitor`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ben}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'monitor' }),
    });
    expect(res.status).to.equal(202);
    const error = oneEvent<FvErrorEvent>(el, 'fv-error');
    await choose(el, 'a-1', 'Barge in');
    expect((await error).code).to.equal('monitored_by_other');
    await waitUntil(() => root(el).querySelector('[part=alert]'), 'alert shown');
    expect(root(el).querySelector('[part=alert] p')!.textContent).to.equal('Barge in for 李娜 was refused: Ben is already monitoring 李娜\'s call.');

    // In Chinese the reason comes from the refusal's code, not the server's English.
    el.setAttribute('lang', 'zh-CN');
    await el.updateComplete;
    await choose(el, 'a-1', '强插');
    await waitUntil(() => root(el).querySelector('[part=alert] p')?.textContent?.startsWith('李娜 的'), 'the refusal in Chinese');
    expect(root(el).querySelector('[part=alert] p')!.textContent).to.equal('李娜 的“强插”被拒绝:已有其他主管在监听此通话。');
  });

  it('keeps a refusal inside the dialog that sent the command', async () => {
    await server.platform('refuse', 'Agent phone offline');
    await choose(el, 'a-2', 'Change state');
    await waitUntil(() => dialog(el), 'dialog open');
    dialog(el)!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => dialog(el)?.querySelector('[role=alert]'), 'refusal in the dialog');
    expect(dialog(el)!.querySelector('[role=alert]')!.textContent).to.match(/Agent phone offline$/);
    expect(root(el).querySelector('[part=alert]')).to.equal(null);
  });

  it('works from the keyboard: menu arrows, Escape returns focus; dialogs close on Escape', async () => {
    const button = root(el).querySelector<HTMLButtonElement>('[data-actions="a-1"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('#action-menu:popover-open'), 'menu opens');
    expect(root(el).activeElement!.textContent).to.equal('Monitor');
    await sendKeys({ press: 'ArrowDown' });
    expect(root(el).activeElement!.textContent).to.equal('Private coach');
    await sendKeys({ press: 'End' });
    expect(root(el).activeElement!.textContent).to.equal('Chat');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('#action-menu'), 'menu closed');
    expect(root(el).activeElement).to.equal(button);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('#action-menu:popover-open'), 'menu opens');
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowUp' });
    expect(root(el).activeElement!.textContent, 'Up wraps around from the first item').to.equal('Change state');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el), 'dialog open');
    expect(dialog(el)!.contains(root(el).activeElement), 'focus moves into the dialog').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el), 'dialog closed');
    expect(root(el).activeElement).to.equal(root(el).querySelector('[data-actions="a-1"]'));
  });

  it('is accessible with the menu and a dialog open', async () => {
    await openMenu(el, 'a-1');
    await expect(el).to.be.accessible();
    await choose(el, 'a-2', 'Manage queues');
    await waitUntil(() => dialog(el), 'dialog open');
    await expect(el).to.be.accessible();
  });
});
