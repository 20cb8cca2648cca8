import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './support/resize-observer.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/agent-list/define.js';
import '../../widgets/chat/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import type { FvAgentChatEvent } from '../../widgets/agent-list/events.js';
import type { FvChat } from '../../widgets/chat/chat.js';
import type { FvChatCloseEvent } from '../../widgets/chat/events.js';
import type { FvErrorEvent } from '../../widgets/core/events.js';
import { floorStream } from '../../widgets/core/stream.js';
import { waitUntil } from '../support/wait-until.js';
import { waitForRows } from './support/agent-list-dom.js';
import { deskToken, markRead, say, thread } from './support/chat.js';
import { standardFloor, startAsAva, startServer, type TestServer } from './support/test-server.js';

const shadow = (el: Element) => el.shadowRoot!;
const bubbles = (el: FvChat) => [...shadow(el).querySelectorAll('[part~=bubble]')].map((b) => b.textContent);
const log = (el: FvChat) => shadow(el).querySelector<HTMLElement>('[role=log]')!;
const input = (el: FvChat) => shadow(el).querySelector<HTMLTextAreaElement>('textarea')!;
const receipts = (el: FvChat) => [...shadow(el).querySelectorAll('[part~=receipt]')].map((r) => r.textContent!.trim());

describe('<fv-chat>', () => {
  let server: TestServer;
  let ava: string;
  let liNa: string;

  // Chat changes the database: a fresh server per test.
  beforeEach(async () => {
    ({ server, token: ava } = await startAsAva(standardFloor));
    liNa = await deskToken(server, 'a-1');
  });
  afterEach(() => server.close());

  const open = (agentId = 'a-1', lang = 'en') =>
    fixture<FvChat>(html`<fv-chat api=${server.url} token=${ava} agent-id=${agentId} lang=${lang} style="height: 400px"></fv-chat>`);
  // The history comes from a request, the agent's name from the live stream: wait for both, in whichever order they come.
  const loaded = async (el: FvChat) => {
    await waitUntil(() => log(el)?.getAttribute('aria-busy') === 'false' && floorStream({ api: server.url, token: ava }).agents.has(el.agentId), 'history and name loaded');
    await el.updateComplete;
  };

  it('shows the history and sends with Enter, Shift+Enter starting a new line', async () => {
    await say(server, ava, 'a-1', 'Morning! Busy day ahead.');
    await say(server, liNa, 'a-1', 'Ready when you are', 's-ava');
    const el = await open();
    await loaded(el);
    expect(bubbles(el)).to.deep.equal(['Morning! Busy day ahead.', 'Ready when you are']);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Chat with 李娜');

    input(el).focus();
    await sendKeys({ type: 'Can you take' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'the VIP queue?' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => receipts(el).at(-1) === 'Delivered', 'stored by the server');
    expect(bubbles(el).at(-1)).to.equal('Can you take\nthe VIP queue?');
    expect(input(el).value, 'the box is cleared').to.equal('');
    expect((await thread(server, liNa, 'a-1', 's-ava')).at(-1)!.body).to.equal('Can you take\nthe VIP queue?');
  });

  it('shows the agent’s answers live, marks them read once shown, and shows when the agent read ours', async () => {
    const el = await open();
    await loaded(el);
    await waitUntil(() => el.connection === 'live', 'live');
    const mine = await say(server, ava, 'a-1', 'Please switch to Sales after this call');
    await waitUntil(() => bubbles(el).length === 1, 'our message arrives on the stream');
    expect(receipts(el)).to.deep.equal(['Delivered']);

    await markRead(server, liNa, 'a-1', 's-ava');
    await waitUntil(() => receipts(el)[0]!.startsWith('Read '), 'the agent read it');
    await say(server, liNa, 'a-1', 'OK, switching now', 's-ava');
    await waitUntil(() => bubbles(el).at(-1) === 'OK, switching now', 'the answer arrives live');
    await waitUntil(async () => (await thread(server, ava, 'a-1')).every((m) => m.readAt !== null), 'marked read, being on screen');
    expect((await thread(server, ava, 'a-1')).map((m) => m.id)[0]).to.equal(mine.id);
  });

  it('catches up on what the agent wrote while the connection was down, each message once', async () => {
    const el = await open();
    await loaded(el);
    await waitUntil(() => el.connection === 'live', 'live');
    await server.dropStreams();
    await waitUntil(() => el.connection === 'reconnecting', 'reconnecting');
    await say(server, liNa, 'a-1', 'Sent while you were away', 's-ava');
    await waitUntil(() => el.connection === 'live', 'back');
    await waitUntil(() => bubbles(el).includes('Sent while you were away'), 'caught up');
    const requests = await server.streamRequests();
    expect(requests.at(-1)!.lastEventId, 'resumed, not started over').to.match(/^[a-z0-9]+-\d+$/);
    expect(bubbles(el)).to.deep.equal(['Sent while you were away']);
  });

  it('scrolls back through older messages, keeping the reader’s place', async () => {
    // Two senders, each under the 30-a-minute limit.
    for (let i = 1; i <= 25; i++) await say(server, ava, 'a-1', `from Ava ${i}`);
    for (let i = 1; i <= 20; i++) await say(server, liNa, 'a-1', `from 李娜 ${i}`, 's-ava');
    const el = await open();
    await loaded(el);
    expect(bubbles(el)).to.have.length(30);
    expect(bubbles(el)[0]).to.equal('from Ava 16');
    await waitUntil(() => log(el).scrollTop > 0 && log(el).scrollTop + log(el).clientHeight >= log(el).scrollHeight - 2, 'starts at the newest');

    const first = () => shadow(el).querySelector<HTMLElement>('[part~=message]')!;
    const marker = first();
    log(el).scrollTop = 0;
    await waitUntil(() => bubbles(el).length === 45, 'older messages loaded');
    expect(bubbles(el)[0]).to.equal('from Ava 1');
    const top = marker.getBoundingClientRect().top - log(el).getBoundingClientRect().top;
    expect(top, 'the message that was at the top is still in view, below the older ones').to.be.within(0, log(el).clientHeight);
    await waitUntil(() => shadow(el).querySelector('.log-start')!.textContent!.includes('This is the start of your conversation with 李娜.'), 'the start');
  });

  it('shows markup in messages as text', async () => {
    const hostile = '<img src=x onerror="window.__chatPwned=1"><b>bold</b>';
    await say(server, liNa, 'a-1', hostile, 's-ava');
    const el = await open('a-4');
    await loaded(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Chat with <img src=x onerror="window.__pwned=1">');
    const other = await open();
    await loaded(other);
    expect(bubbles(other)).to.deep.equal([hostile]);
    expect(shadow(other).querySelector('img, b')).to.equal(null);
    expect((window as unknown as { __chatPwned?: number }).__chatPwned).to.equal(undefined);
  });

  it('shows a refused message with the server’s reason and a retry, and fires fv-error', async () => {
    for (let i = 0; i < 30; i++) await say(server, ava, 'a-1', `ping ${i}`);
    const el = await open();
    await loaded(el);
    const error = oneEvent(el, 'fv-error') as Promise<FvErrorEvent>;
    input(el).focus();
    await sendKeys({ type: 'one too many' });
    await sendKeys({ press: 'Enter' });
    expect((await error).code).to.equal('too_many_messages');
    await waitUntil(() => shadow(el).querySelector('.receipt.failed'), 'marked not sent');
    expect(shadow(el).querySelector('.receipt.failed')!.textContent).to.match(/^Not sent: Too many messages/);
    expect([...shadow(el).querySelectorAll('.failed .link-button')].map((b) => b.textContent)).to.deep.equal(['Retry', 'Discard']);
    // In Chinese the refusal is said from its code (the server speaks English).
    el.setAttribute('lang', 'zh-CN');
    await waitUntil(() => shadow(el).querySelector('.receipt.failed')!.textContent!.startsWith('未发送'), 'said in Chinese');
    expect(shadow(el).querySelector('.receipt.failed')!.textContent).to.equal('未发送: 一分钟内消息过多，请稍候再发送。');
  });

  it('speaks Chinese', async () => {
    await say(server, ava, 'a-1', '你好');
    const el = await open('a-1', 'zh-CN');
    await loaded(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('与 李娜 聊天');
    expect(input(el).placeholder).to.equal('输入消息…');
    expect(shadow(el).querySelector('[part=send-button]')!.textContent!.trim()).to.equal('发送');
    expect(receipts(el)).to.deep.equal(['已送达']);
    expect(log(el).getAttribute('aria-label')).to.equal('与 李娜 的对话');
  });

  it('is accessible: a labelled log and input, focus in the typing box, a close button for a panel', async () => {
    await say(server, liNa, 'a-1', 'Hello', 's-ava');
    const el = await fixture<FvChat>(html`<fv-chat api=${server.url} token=${ava} agent-id="a-1" closable style="height: 400px"></fv-chat>`);
    await loaded(el);
    expect(log(el).getAttribute('aria-label')).to.equal('Conversation with 李娜');
    expect(shadow(el).querySelector(`label[for=${input(el).id}]`)!.textContent).to.equal('Message to 李娜');
    el.focus();
    expect(shadow(el).activeElement).to.equal(input(el));
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'fv-chat-close') as Promise<FvChatCloseEvent>;
    shadow(el).querySelector<HTMLButtonElement>('[part=close-button]')!.click();
    expect((await closed).agentId).to.equal('a-1');
  });
});

describe('<fv-agent-list> unread chat badges', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
    await standardFloor(server);
  });
  afterEach(() => server.close());

  it('counts the agent’s unread messages, opens the chat from the badge, and clears once read there', async () => {
    const ava = await server.login('ava');
    const liNa = await deskToken(server, 'a-1');
    await say(server, liNa, 'a-1', 'Question about a refund', 's-ava');
    const page = await fixture<HTMLElement>(html`<div>
      <fv-agent-list api=${server.url} token=${ava} style="height: 400px"></fv-agent-list>
      <fv-chat api=${server.url} token=${ava} style="height: 300px"></fv-chat>
    </div>`);
    const list = page.querySelector('fv-agent-list') as FvAgentList;
    const chat = page.querySelector('fv-chat') as FvChat;
    await waitForRows(list, 5);
    const badge = () => shadow(list).querySelector<HTMLButtonElement>('[data-agent="a-1"] [part=unread]');
    await waitUntil(() => badge()?.textContent === '1', 'one unread from the start');
    await say(server, liNa, 'a-1', 'Can I give store credit?', 's-ava');
    await waitUntil(() => badge()?.textContent === '2', 'counts up live');
    expect(badge()!.getAttribute('aria-label')).to.equal('2 unread messages from 李娜: open the chat');
    expect(shadow(list).querySelector('[data-agent="a-2"] [part=unread]'), 'no badge without unread').to.equal(null);

    page.addEventListener('fv-agent-chat', (e: FvAgentChatEvent) => (chat.agentId = e.agentId));
    const opened = oneEvent(list, 'fv-agent-chat') as Promise<FvAgentChatEvent>;
    badge()!.click();
    expect((await opened).agentId).to.equal('a-1');
    await waitUntil(() => bubbles(chat).length === 2, 'the chat shows the conversation');
    await waitUntil(() => badge() === null, 'read in the chat: the badge goes');
  });
});
