import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/agent-desk/define.js';
import type { FvAgentDesk } from '../../widgets/agent-desk/agent-desk.js';
import type { FvAgentSignedInEvent } from '../../widgets/agent-desk/events.js';
import { waitUntil } from '../support/wait-until.js';
import { deskToken, say, thread } from './support/chat.js';
import { eventFactory, standardFloor, startAsAva, type TestServer } from './support/test-server.js';

const shadow = (el: FvAgentDesk) => el.shadowRoot!;
/** Text as a screen reader reads it: without `aria-hidden` parts, whitespace collapsed. */
function spoken(node: Element | null): string {
  if (!node) return '';
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden=true]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
const banner = (el: FvAgentDesk) => spoken(shadow(el).querySelector('[part=banner]'));
const tabs = (el: FvAgentDesk) => [...shadow(el).querySelectorAll('[role=tab]')].map((t) => spoken(t));
const bubbles = (el: FvAgentDesk) => [...shadow(el).querySelectorAll('[part~=bubble]')].map((b) => b.textContent);

describe('<fv-agent-desk>', () => {
  let server: TestServer;
  let ava: string;
  let token: string;

  beforeEach(async () => {
    ({ server, token: ava } = await startAsAva(standardFloor));
    token = await deskToken(server, 'a-1');
  });
  afterEach(() => server.close());

  const open = (lang = 'en') => fixture<FvAgentDesk>(html`<fv-agent-desk api=${server.url} token=${token} lang=${lang} style="height: 600px"></fv-agent-desk>`);
  const ready = (el: FvAgentDesk) => waitUntil(() => shadow(el).querySelector('[part=state]'), 'own state shown');
  const monitor = (mode: string | null) =>
    fetch(`${server.url}/api/v1/agents/a-1/monitor`, {
      method: mode ? 'POST' : 'DELETE',
      headers: { authorization: `Bearer ${ava}`, 'content-type': 'application/json' },
      ...(mode ? { body: JSON.stringify({ mode }) } : {}),
    });

  it('shows the agent’s own state, contact and queues, and no one else’s', async () => {
    const el = await open();
    await ready(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('李娜');
    const state = spoken(shadow(el).querySelector('[part=state]'));
    expect(state).to.match(/^Available for \d+:\d\d Contact: Connected \d+:\d\d Sales: joined$/);
    expect(shadow(el).querySelector('[part=banner]')).to.equal(null);
  });

  it('shows a clear banner while a supervisor monitors, coaches or barges in, and takes it away after', async () => {
    const el = await open();
    await ready(el);
    const region = shadow(el).querySelector('.banner-slot')!;
    expect(region.getAttribute('aria-live')).to.equal('assertive');
    await monitor('monitor');
    await waitUntil(() => banner(el) === 'Ava is listening to your call.', 'monitoring');
    await monitor('coach');
    await waitUntil(() => banner(el) === 'Ava is coaching you — only you can hear them.', 'coaching');
    await monitor('barge');
    await waitUntil(() => banner(el) === 'Ava has joined your call — the customer can hear them.', 'barged in');
    expect(shadow(el).querySelector('[part=banner]')!.classList.contains('barge')).to.equal(true);
    await monitor(null);
    await waitUntil(() => shadow(el).querySelector('[part=banner]') === null, 'monitoring ended');
  });

  it('chats with each supervisor in a tab, with unread counts, and answers with Enter', async () => {
    const ben = await server.login('ben');
    await say(server, ava, 'a-1', 'Ava here: VIP queue after lunch?');
    const el = await open();
    await ready(el);
    await waitUntil(() => bubbles(el).length === 1, 'Ava’s conversation opens');
    await waitUntil(async () => (await thread(server, ava, 'a-1'))[0]!.readAt !== null, 'read, being on screen');
    await waitUntil(() => JSON.stringify(tabs(el)) === '["Ava","Ben"]', `a tab per supervisor, nothing unread: ${tabs(el).join(', ')}`);

    await say(server, ben, 'a-1', 'Ben: remember the team meeting');
    await waitUntil(() => tabs(el)[1] === 'Ben 1 unread message', 'an unread count on Ben’s tab');
    expect(bubbles(el), 'Ava’s conversation stays open').to.deep.equal(['Ava here: VIP queue after lunch?']);

    shadow(el).querySelector<HTMLButtonElement>('[role=tab][data-supervisor=s-ava]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => bubbles(el)[0] === 'Ben: remember the team meeting', 'Ben’s conversation');
    expect(shadow(el).activeElement!.getAttribute('data-supervisor')).to.equal('s-ben');
    await waitUntil(() => tabs(el)[1] === 'Ben', 'read: the count goes');

    shadow(el).querySelector('textarea')!.focus();
    await sendKeys({ type: 'Will be there' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await thread(server, ben, 'a-1')).at(-1)?.body === 'Will be there', 'Ben has the answer');
    expect((await thread(server, ben, 'a-1')).at(-1)!.sender).to.equal('agent');
  });

  it('signs the agent in with its own form when it has no token', async () => {
    const el = await fixture<FvAgentDesk>(html`<fv-agent-desk api=${server.url} style="height: 600px"></fv-agent-desk>`);
    await waitUntil(() => shadow(el).querySelector('[part=sign-in]'), 'sign-in form');
    const form = shadow(el).querySelector<HTMLFormElement>('[part=sign-in]')!;
    form.querySelector<HTMLInputElement>('input[name=login]')!.value = 'a-1';
    form.querySelector<HTMLInputElement>('input[name=password]')!.value = 'li-na-desk-password';
    const signedIn = oneEvent(el, 'fv-agent-signed-in') as Promise<FvAgentSignedInEvent>;
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect((await signedIn).agentId).to.equal('a-1');
    await ready(el);
    expect(el.token).to.be.a('string');
  });

  it('says so when the password is wrong', async () => {
    const el = await fixture<FvAgentDesk>(html`<fv-agent-desk api=${server.url} style="height: 600px"></fv-agent-desk>`);
    await waitUntil(() => shadow(el).querySelector('[part=sign-in]'), 'sign-in form');
    const form = shadow(el).querySelector<HTMLFormElement>('[part=sign-in]')!;
    form.querySelector<HTMLInputElement>('input[name=login]')!.value = 'a-1';
    form.querySelector<HTMLInputElement>('input[name=password]')!.value = 'not-the-password';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => shadow(el).querySelector('[part=sign-in] [role=alert]'), 'refused');
    expect(shadow(el).querySelector('[part=sign-in] [role=alert]')!.textContent).to.equal('Agent, email or password is incorrect.');
  });

  it('raises a hand with a line for the supervisors, shows it acknowledged, and lowers it', async () => {
    const el = await open();
    await ready(el);
    await waitUntil(() => shadow(el).querySelector('[part=hand] form'), 'the raise-hand form');
    const input = shadow(el).querySelector<HTMLInputElement>('[part=hand] input')!;
    input.value = 'Caller wants a refund over my limit';
    shadow(el).querySelector<HTMLButtonElement>('[part=hand] button[type=submit]')!.click();
    const status = () => spoken(shadow(el).querySelector('[part=hand] [role=status]'));
    await waitUntil(() => status() === 'Hand raised: waiting for a supervisor.', 'hand up');
    // Ava sees it among her open alerts, with the agent's line, and acknowledges it.
    const headers = { authorization: `Bearer ${ava}`, 'content-type': 'application/json' };
    const { alerts } = (await (await fetch(`${server.url}/api/v1/alerts`, { headers })).json()) as { alerts: { id: number; rule: string; agentId: string; note: string }[] };
    const hand = alerts.find((a) => a.rule === 'raisedHand')!;
    expect([hand.agentId, hand.note]).to.deep.equal(['a-1', 'Caller wants a refund over my limit']);
    await fetch(`${server.url}/api/v1/alerts/${hand.id}/ack`, { method: 'POST', headers, body: '{}' });
    await waitUntil(() => status() === 'Ava saw your raised hand.', 'acknowledged, live');
    await expect(el).to.be.accessible();
    [...shadow(el).querySelectorAll<HTMLButtonElement>('[part=hand] button')].find((b) => b.textContent!.trim() === 'Lower hand')!.click();
    await waitUntil(() => shadow(el).querySelector('[part=hand] form'), 'the form again');
    const after = (await (await fetch(`${server.url}/api/v1/alerts`, { headers })).json()) as { alerts: { rule: string }[] };
    expect(after.alerts.some((a) => a.rule === 'raisedHand')).to.equal(false);
  });

  it('offers the wrap-up reasons while in wrap-up, and leaves wrap-up when one is chosen with the keyboard', async () => {
    const el = await open();
    await ready(el);
    expect(shadow(el).querySelector('[part=wrapup]')).to.equal(null);
    const ev = eventFactory();
    await server.events(ev('call.ended', 580, { callId: 'c-1', by: 'caller' }), ev('wrapup.started', 580, { agentId: 'a-1', callId: 'c-1' }));
    const select = await waitUntil(() => shadow(el).querySelector<HTMLSelectElement>('[part=wrapup] select'), 'the wrap-up reasons');
    expect(spoken(shadow(el).querySelector('[part=wrapup]'))).to.equal(
      'Wrap-up reason Choose the wrap-up reason to finish your after-call work. Choose a reason… Resolved Complete wrap-up',
    );
    await expect(el).to.be.accessible();
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(select.value).to.equal('w-resolved');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('[part=wrapup]') === null, 'wrap-up completed, as the event comes back');
    expect(spoken(shadow(el).querySelector('[part=state]'))).to.match(/Contact: Idle/);
  });

  it('offers the wrap-up reasons in Chinese, by their Chinese names', async () => {
    await server.close();
    server = (await startAsAva(standardFloor, { translated: true })).server;
    token = await deskToken(server, 'a-1');
    const el = await open('zh-CN');
    await ready(el);
    const ev = eventFactory();
    await server.events(ev('call.ended', 580, { callId: 'c-1', by: 'caller' }), ev('wrapup.started', 580, { agentId: 'a-1', callId: 'c-1' }));
    await waitUntil(() => shadow(el).querySelector('[part=wrapup] select'), 'the wrap-up reasons');
    expect(spoken(shadow(el).querySelector('[part=wrapup]'))).to.equal('总结原因 请选择总结原因，以完成话后收尾。 请选择原因… 问题已解决 完成收尾');
  });

  it('speaks Chinese', async () => {
    await say(server, ava, 'a-1', '你好');
    const el = await open('zh-CN');
    await ready(el);
    await monitor('coach');
    await waitUntil(() => banner(el) === 'Ava 正在对您进行私聊教练,只有您能听到。', 'coaching, in Chinese');
    expect(spoken(shadow(el).querySelector('[part=state]'))).to.match(/^可用 已持续 \d+:\d\d 联系人: 已接通/);
    expect(shadow(el).querySelector('textarea')!.placeholder).to.equal('输入消息…');
  });

  it('is accessible, banner and chat included', async () => {
    await say(server, ava, 'a-1', 'Hello');
    const el = await open();
    await ready(el);
    await monitor('monitor');
    await waitUntil(() => banner(el) !== '', 'banner');
    await waitUntil(() => bubbles(el).length === 1, 'chat');
    await expect(el).to.be.accessible();
  });
});
