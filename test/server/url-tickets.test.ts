import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DISPLAY_TOKEN } from '../support/centre.js';
import { startHarness, type Harness } from './harness.js';
import { readyReport } from './report-helpers.js';
import { openSse } from './sse-reader.js';

/** Issue 13 defect 6: URLs end up in histories and logs, so `?ticket=` takes short-lived tickets only. */
describe('credentials in URLs', () => {
  let h: Harness;
  let sam: Record<string, string>;
  let samToken: string;
  let reportId: string;

  before(async () => {
    h = await startHarness();
    await h.listen();
    sam = await h.login('sam');
    samToken = sam.authorization!.slice('Bearer '.length);
    reportId = (await readyReport(h, sam, { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' })).id;
  });
  after(() => h.close());

  const ticketOf = async (who: Record<string, string>) =>
    ((await (await h.post('/api/v1/auth/stream-ticket', {}, who)).json()) as { ticket: string }).ticket;

  it('refuses a supervisor session token as ?ticket= on the stream and on a report download', async () => {
    const stream = await fetch(`${h.url}/api/v1/stream?ticket=${encodeURIComponent(samToken)}`);
    assert.equal(stream.status, 401);
    assert.equal(((await stream.json()) as { error: { code: string } }).error.code, 'unauthenticated');
    const csv = await fetch(`${h.url}/api/v1/reports/${reportId}/csv?ticket=${encodeURIComponent(samToken)}`);
    assert.equal(csv.status, 401);
  });

  it('refuses a raw display secret and a display session as ?ticket=', async () => {
    assert.equal((await fetch(`${h.url}/api/v1/stream?ticket=${DISPLAY_TOKEN}`)).status, 401);
    const exchanged = await h.post('/api/v1/auth/display-session', { token: DISPLAY_TOKEN });
    const cookieValue = /fv_\w+=([^;]+)/.exec(exchanged.headers.get('set-cookie') ?? '')![1]!;
    assert.equal((await fetch(`${h.url}/api/v1/stream?ticket=${encodeURIComponent(cookieValue)}`)).status, 401);
  });

  it('still opens the stream and the download with a real ticket', async () => {
    const ticket = await ticketOf(sam);
    const stream = await openSse(`${h.url}/api/v1/stream?ticket=${encodeURIComponent(ticket)}`);
    try {
      assert.equal(stream.status, 200);
      await stream.next((m) => m.event === 'snapshot');
    } finally {
      stream.close();
    }
    assert.equal((await fetch(`${h.url}/api/v1/reports/${reportId}/csv?ticket=${encodeURIComponent(ticket)}`)).status, 200);
    // A display token's ticket (the raw secret as a bearer header) opens the stream too.
    const displayTicket = await ticketOf({ authorization: `Bearer ${DISPLAY_TOKEN}` });
    const wall = await openSse(`${h.url}/api/v1/stream?ticket=${encodeURIComponent(displayTicket)}`);
    try {
      assert.equal(wall.status, 200);
    } finally {
      wall.close();
    }
  });
});
