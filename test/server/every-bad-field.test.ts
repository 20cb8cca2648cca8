import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from './harness.js';

/**
 * A 400 names every bad field of the request at once, wherever it is (query, path, body) and
 * whichever check finds it (the schemas, a rule across fields, the range and filters the
 * server resolves), so a client fixes a request in one go.
 */
describe('a 400 names every bad field', () => {
  let h: Harness;
  let sam: Record<string, string>;
  before(async () => {
    h = await startHarness();
    sam = await h.login('sam');
  });
  after(() => h.close());

  const badFields = async (res: Response) => {
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(error.code, 'invalid_request');
    return Object.keys(error.fields).sort();
  };
  const long = 'x'.repeat(201);

  it('names a bad from, a bad to and an unknown tz together', async () => {
    const res = await h.get('/api/v1/stats/agents?from=yesterday&to=2026-13&tz=Mars/Olympus', sam);
    assert.deepEqual(await badFields(res), ['from', 'to', 'tz']);
  });

  it('names a day that is not on the calendar beside an unknown tz', async () => {
    const res = await h.get('/api/v1/stats/queues?from=2026-13-01&to=2026-02-30T10:00Z&tz=Mars/Olympus', sam);
    assert.deepEqual(await badFields(res), ['from', 'to', 'tz']);
  });

  it('names bad query fields and a bad path parameter together', async () => {
    const res = await h.get(`/api/v1/agents/${long}/messages?limit=0`, sam);
    assert.deepEqual(await badFields(res), ['id', 'limit']);
  });

  it('names a bad path parameter and bad body fields together', async () => {
    const res = await h.post(`/api/v1/agents/${long}/state`, { state: 'asleep', reason: '' }, sam);
    assert.deepEqual(await badFields(res), ['id', 'reason', 'state']);
  });

  it('checks a rule across fields while another field is bad', async () => {
    const res = await h.get('/api/v1/stats/calls?from=2026-03-01&to=2026-03-02&by=queue&outcome=bounced&direction=sideways', sam);
    assert.deepEqual(await badFields(res), ['direction', 'outcome']);
  });

  it('names unknown filters beside a range out of order', async () => {
    const res = await h.get('/api/v1/stats/queues?from=2026-03-09&to=2026-03-02&queue=q-nowhere&agent=a-nobody', sam);
    assert.deepEqual(await badFields(res), ['agent', 'queue', 'to']);
  });

  it('names a report request’s range and filters together', async () => {
    const res = await h.post('/api/v1/reports', { from: '2026-03-09', to: '2026-03-02', agent: ['a-nobody'], location: 'Atlantis' }, sam);
    assert.deepEqual(await badFields(res), ['agent', 'location', 'to']);
  });

  it('names an admin change’s bad path id and bad body fields together', async () => {
    const res = await h.app.request(`/api/v1/admin/queues/${long}`, {
      method: 'PATCH',
      headers: { ...sam, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceLevelSeconds: 0, names: { fr: 'Ventes' }, serviceLevelTarget: 1 }),
    });
    assert.deepEqual(await badFields(res), ['id', 'names', 'serviceLevelSeconds', 'serviceLevelTarget']);
  });
});
