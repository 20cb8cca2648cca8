import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-list/define.js';
import '../../widgets/provider/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import { api } from '../../widgets/core/api.js';
import { floorStream, type FloorChange } from '../../widgets/core/stream.js';
import { providerState, type TokenProvider } from '../../widgets/core/token-provider.js';
import { tokenSource } from '../../widgets/core/token-source.js';
import { waitUntil } from '../support/wait-until.js';
import { cells, root, rows, waitForRows } from './support/agent-list-dom.js';
import { eventFactory, standardFloor, startServer, type TestServer } from './support/test-server.js';

/** A provider as a portal's OpenID Connect library is to the widgets: hands out what `next` says, counting the calls. */
function countingProvider(next: (call: number) => Promise<string>): TokenProvider & { calls: number } {
  const provider = Object.assign(() => next(++provider.calls), { calls: 0 });
  return provider;
}

/** An unsigned JWT with this `exp` (s): the widgets read it without verifying. */
function jwt(exp: number): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ sub: 'ava', exp })}.c2lnbmF0dXJl`;
}

describe('tokenProvider', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
    await standardFloor(server);
  });
  afterEach(() => server.close());

  /** A token the server knew and no longer accepts: as a portal's cached token the server has stopped taking. */
  async function revokedToken(): Promise<string> {
    const token = await server.login('ava');
    await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    return token;
  }

  it('asks the provider once for every widget on the page, and streams with a ticket from its token', async () => {
    const provider = countingProvider(() => server.login('ava'));
    const page = await fixture<HTMLElement>(html`<div>
      <fv-agent-list api=${server.url} .tokenProvider=${provider} style="height: 200px"></fv-agent-list>
      <fv-provider api=${server.url} .tokenProvider=${provider}>
        <fv-agent-list style="height: 200px"></fv-agent-list>
        <fv-agent-list style="height: 200px" view="queue"></fv-agent-list>
      </fv-provider>
    </div>`);
    const lists = [...page.querySelectorAll('fv-agent-list')];
    await waitUntil(() => lists.every((l) => l.connection === 'live' && rows(l).length > 0), 'all live');
    expect(provider.calls).to.equal(1);
    expect(await server.streamRequests()).to.deep.equal([{ ticket: true, bearer: false, lastEventId: null }]);
  });

  it('after a 401 asks the provider once for all the requests refused meanwhile, and sends each once more', async () => {
    const stale = await revokedToken();
    const provider = countingProvider((call) => (call === 1 ? Promise.resolve(stale) : server.login('ava')));
    const target = { api: server.url, token: null, tokenProvider: provider };
    const answers = await Promise.all([1, 2, 3, 4].map(() => api(target, 'GET /agents')));
    expect(answers.map((a) => a.agents.length), 'Ava’s five agents, each time').to.deep.equal([5, 5, 5, 5]);
    expect(provider.calls, 'the first token, then one refresh shared by the four').to.equal(2);
  });

  it('shows the usual refusal when the fresh token is refused too, without asking again', async () => {
    const stale = await revokedToken();
    const provider = countingProvider(() => Promise.resolve(stale));
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} .tokenProvider=${provider} style="height: 500px"></fv-agent-list>`);
    await waitUntil(() => el.connection === 'unauthenticated', 'unauthenticated');
    expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('refused this widget’s token');
    expect(provider.calls, 'the token, then one refresh after its 401').to.equal(2);
    expect(await server.streamRequests(), 'no stream without a ticket').to.have.length(0);
  });

  for (const [failure, provide] of [
    ['throws', () => Promise.reject(new Error('interaction_required'))],
    ['resolves with something else than a token', () => Promise.resolve({ accessToken: 'x' } as unknown as string)],
  ] as const) {
    it(`says so in the page's language when the provider ${failure}, with no unhandled rejection or console error`, async () => {
      const rejections: unknown[] = [];
      const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
      addEventListener('unhandledrejection', onRejection);
      const consoleError = console.error;
      const logged: unknown[] = [];
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} lang="zh-CN" .tokenProvider=${provide} style="height: 500px"></fv-agent-list>`);
        await waitUntil(() => el.connection === 'unauthenticated', 'unauthenticated');
        const alert = root(el).querySelector('[role=alert]')!;
        expect(alert.textContent).to.equal('门户未向此组件提供登录令牌。组件会再次请求；如果问题持续，请重新登录门户。');
        await expect(el).to.be.accessible();
        expect(rejections).to.deep.equal([]);
        expect(logged).to.deep.equal([]);
      } finally {
        removeEventListener('unhandledrejection', onRejection);
        console.error = consoleError;
      }
    });
  }

  it('resumes the stream where it left off with the new token: a delta, nothing lost or repeated', async () => {
    const provider = countingProvider(() => server.login('ava'));
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} .tokenProvider=${provider} style="height: 500px"></fv-agent-list>`);
    await waitForRows(el, 5);
    await waitUntil(() => el.connection === 'live', 'live');
    const changes: FloorChange[] = [];
    const unsubscribe = floorStream({ api: server.url, token: null, tokenProvider: provider }).subscribe((c) => c && changes.push(c));
    try {
      // The portal's token is refused from now on (as an expired one is), and the stream's ticket with it.
      const first = await tokenSource(provider).token();
      await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${first}` } });
      await server.dropStreams();
      const ev = eventFactory(Date.now());
      await server.events(ev('agent.state_changed', 0, { agentId: 'a-2', state: 'available' }));

      await waitUntil(() => cells(el, 'a-2')[1] === 'Available', 'the event missed while reconnecting arrives');
      expect(el.connection).to.equal('live');
      expect(provider.calls, 'one refresh after the ticket request’s 401').to.equal(2);
      // After the first, the old ticket may be tried and refused once before the new token's: each from the same place.
      const [opened, ...resumed] = await server.streamRequests();
      expect(opened!.lastEventId).to.equal(null);
      expect(resumed.length).to.be.within(1, 2);
      expect(resumed[0]!.lastEventId, 'resumed from the last frame seen').to.match(/^[a-z0-9]+-\d+$/);
      expect(resumed.every((r) => r.ticket && !r.bearer && r.lastEventId === resumed[0]!.lastEventId)).to.equal(true);
      expect(changes.some((c) => c.snapshot), 'a delta, not a new snapshot').to.equal(false);
      expect(changes.flatMap((c) => c.agents).filter((id) => id === 'a-2'), 'the missed change once').to.have.length(1);
    } finally {
      unsubscribe();
    }
  });

  it('asks again a margin before a JWT’s exp, judged by the server’s clock, and keeps an opaque token until refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const issued = [jwt(now + 600), jwt(now + 1200), jwt(now + 1170)];
    const provider = countingProvider((call) => Promise.resolve(issued[call - 1] ?? 'opaque-token'));
    const at = async (serverAheadSeconds: number) => {
      providerState(provider).clockOffset = serverAheadSeconds * 1000;
      return tokenSource(provider).token();
    };
    expect(await at(0)).to.equal(issued[0]);
    expect(await at(530), 'the server 70 s from exp: kept').to.equal(issued[0]);
    expect(await at(545), 'the server 55 s from exp: the next one').to.equal(issued[1]);
    expect(await at(1150), 'the next one').to.equal(issued[2]);
    expect(await at(1152), 'a token with 20 s left is kept for half of them, not asked for on every request').to.equal(issued[2]);
    expect(await at(1165)).to.equal('opaque-token');
    expect(await at(86_400), 'no exp: kept').to.equal('opaque-token');
    expect(provider.calls).to.equal(4);
  });
});
