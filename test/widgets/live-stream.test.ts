import { expect, fixture, html } from '@open-wc/testing';
import './support/resize-observer.js';
import '../../widgets/agent-list/define.js';
import '../../widgets/provider/define.js';
import type { FvAgentList } from '../../widgets/agent-list/agent-list.js';
import { floorStream, type FloorChange } from '../../widgets/core/stream.js';
import { waitUntil } from '../support/wait-until.js';
import { cells, root, rows, waitForRows } from './support/agent-list-dom.js';
import { eventFactory, standardFloor, startAsAva, startServer, type TestServer } from './support/test-server.js';

/** The page-wide live connection (SPEC §5) as the widgets use it, against a real server. */
describe('live stream', () => {
  let server: TestServer;
  let token: string;

  beforeEach(async () => ({ server, token } = await startAsAva(standardFloor)));
  afterEach(() => server.close());

  it('opens one connection for every widget on the page', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <fv-agent-list api=${server.url} token=${token} style="height: 200px"></fv-agent-list>
      <fv-provider api=${server.url} token=${token}>
        <fv-agent-list style="height: 200px"></fv-agent-list>
        <fv-agent-list style="height: 200px" view="queue"></fv-agent-list>
      </fv-provider>
    </div>`);
    const lists = [...page.querySelectorAll('fv-agent-list')];
    await waitUntil(() => lists.every((l) => l.connection === 'live' && rows(l).length > 0), 'all live');
    const requests = await server.streamRequests();
    expect(requests).to.have.length(1);
    expect(requests[0], 'a stream ticket, never the token, in the URL').to.deep.equal({ ticket: true, bearer: false, lastEventId: null });
  });

  it('resumes from the last event after a dropped connection, marking the rows stale meanwhile', async () => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} style="height: 500px"></fv-agent-list>`);
    await waitForRows(el, 5);
    await waitUntil(() => el.connection === 'live', 'live');
    const changes: FloorChange[] = [];
    const unsubscribe = floorStream({ api: server.url, token }).subscribe((c) => c && changes.push(c));
    try {
      await server.dropStreams();
      await waitUntil(() => el.connection === 'reconnecting', 'reconnecting');
      expect(root(el).querySelector('.table-wrap.stale'), 'rows marked stale').to.exist;
      expect(root(el).querySelector('[part=status]')!.textContent).to.match(/Reconnecting….*data as of/s);
      const ev = eventFactory(Date.now());
      await server.events(ev('agent.state_changed', 0, { agentId: 'a-2', state: 'available' }));

      await waitUntil(() => cells(el, 'a-2')[1] === 'Available', 'the event missed while disconnected arrives');
      expect(el.connection).to.equal('live');
      expect(root(el).querySelector('.table-wrap.stale')).to.equal(null);
      const [first, second] = await server.streamRequests();
      expect(first!.lastEventId).to.equal(null);
      expect(second!.lastEventId, 'resumes with ?lastEventId=').to.match(/^[a-z0-9]+-\d+$/);
      expect(second!.ticket).to.equal(true);
      expect(changes.some((c) => c.snapshot), 'one merged delta, not a new snapshot').to.equal(false);
      expect(changes.flatMap((c) => c.agents)).to.include('a-2');
    } finally {
      unsubscribe();
    }
  });

  it('renews its ticket when the stream is refused, and reports a revoked token', async () => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} style="height: 500px"></fv-agent-list>`);
    await waitUntil(() => el.connection === 'live', 'live');
    // Signing out ends the session and every ticket issued from it.
    await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await server.dropStreams();
    await waitUntil(() => el.connection === 'unauthenticated', 'unauthenticated');
    expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('refused this widget’s token');
    expect((await server.streamRequests()).every((r) => r.ticket && !r.bearer)).to.equal(true);
  });

  it('shows a sign-in form without credentials, then connects with the session cookie', async () => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} style="height: 500px"></fv-agent-list>`);
    await waitUntil(() => el.connection === 'unauthenticated', 'no session yet');
    // The form's look is a chunk of its own: the form shows once it is in.
    const form = await waitUntil(() => root(el).querySelector<HTMLFormElement>('[part=sign-in]'), 'sign-in form');
    expect(getComputedStyle(form).flexDirection, 'styled by the chunk that came with it').to.equal('column');
    await expect(el).to.be.accessible();
    form.querySelector<HTMLInputElement>('input[name=email]')!.value = 'ava@example.com';
    form.querySelector<HTMLInputElement>('input[name=password]')!.value = 'wrong-password';
    form.requestSubmit();
    await waitUntil(() => form.querySelector('[role=alert]'), 'refused');
    form.querySelector<HTMLInputElement>('input[name=password]')!.value = 'ava-password';
    form.requestSubmit();
    await waitForRows(el, 5);
    expect(el.connection).to.equal('live');
    expect((await server.streamRequests()).at(-1)).to.include({ ticket: false, bearer: false });
  });

  it('says offline when the server stays unreachable, keeping the last rows', async () => {
    const el = await fixture<FvAgentList>(html`<fv-agent-list api=${server.url} token=${token} style="height: 500px"></fv-agent-list>`);
    await waitForRows(el, 5);
    await server.close();
    await waitUntil(() => el.connection === 'offline', 'offline after a few attempts');
    expect(rows(el)).to.have.length(5);
    expect(root(el).querySelector('[part=status]')!.textContent).to.match(/Offline.*data as of/s);
    server = await startServer();
  });
});
