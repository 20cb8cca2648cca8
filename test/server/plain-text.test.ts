import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { DirectoryFileError, parseDirectoryFile } from '../../server/directory/directory-file.js';
import { centre, eventFactory, INTEGRATION, startHarness, type Harness } from './harness.js';

/** NUL, right-to-left override, bell: the audit's reproduction. */
const HOSTILE = 'a\u0000b\u202e\u0007';

describe('free text refuses control characters and bidi overrides', () => {
  let h: Harness;
  const ev = eventFactory(Date.now() - 10 * 60_000);
  const fieldsOf = async (res: Response) => ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields;

  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('in an event reason, naming the field; nothing is stored', async () => {
    const before = (await h.services.store.get<{ n: number }>(sql`select count(*) as n from events`))!.n;
    const res = await h.post(
      '/api/v1/events',
      {
        events: [
          ev('agent.signed_in', 0, { agentId: 'a-1' }),
          ev('agent.state_changed', 1, { agentId: 'a-1', state: 'unavailable', reason: HOSTILE }),
          ev('agent.state_changed', 2, { agentId: 'a-1', state: 'unavailable', reason: 'ok\u2066isolate\u2069' }),
          ev('agent.state_changed', 3, { agentId: 'a-1', state: 'unavailable', reason: 'C1 \u0085 next line' }),
          ev('agent.state_changed', 4, { agentId: 'a-1', state: 'unavailable', reason: 'Lunch 午饭 — ok' }),
        ],
      },
      INTEGRATION,
    );
    assert.equal(res.status, 400);
    const fields = await fieldsOf(res);
    assert.match(fields['events[1].reason']!, /U\+0000/);
    assert.match(fields['events[2].reason']!, /U\+2066/);
    assert.match(fields['events[3].reason']!, /U\+0085/);
    assert.equal(fields['events[4].reason'], undefined, 'ordinary text in any script passes');
    assert.equal((await h.services.store.get<{ n: number }>(sql`select count(*) as n from events`))!.n, before);
  });

  it('in a supervisor command reason', async () => {
    await h.events(ev('agent.signed_in', 10, { agentId: 'a-2' }));
    const res = await h.post('/api/v1/agents/a-2/state', { state: 'unavailable', reason: HOSTILE }, await h.login('sam'));
    assert.equal(res.status, 400);
    assert.match((await fieldsOf(res)).reason!, /control character/);
  });

  it('in a chat message, which keeps newlines and tabs', async () => {
    const sam = await h.login('sam');
    const bad = await h.post('/api/v1/agents/a-1/messages', { body: `hello ${HOSTILE}` }, sam);
    assert.equal(bad.status, 400);
    assert.match((await fieldsOf(bad)).body!, /U\+0000/);
    const cr = await h.post('/api/v1/agents/a-1/messages', { body: 'line\rover' }, sam);
    assert.equal(cr.status, 400);
    assert.match((await fieldsOf(cr)).body!, /U\+000D/);
    const ok = await h.post('/api/v1/agents/a-1/messages', { body: 'line one\n\tline two' }, sam);
    assert.equal(ok.status, 201, await ok.clone().text());
    assert.equal(((await ok.json()) as { body: string }).body, 'line one\n\tline two');
  });

  it('in a report request', async () => {
    const res = await h.post('/api/v1/reports', { from: '2026-03-01', to: '2026-03-02', location: `Shanghai\u202e` }, await h.login('sam'));
    assert.equal(res.status, 400);
    assert.match((await fieldsOf(res)).location!, /U\+202E/);
  });

  it('in the directory file: names and ids', () => {
    const file = structuredClone(centre) as typeof centre;
    file.agents[0]!.name = `Li\u202eNa`;
    file.queues[1]!.name = 'Support\u0007';
    file.wrapupReasons[0]!.id = 'w-\u0000';
    assert.throws(
      () => parseDirectoryFile(file, 'centre.json'),
      (err: Error) =>
        err instanceof DirectoryFileError &&
        /agents\[0\]\.name: .*U\+202E/.test(err.message) &&
        /queues\[1\]\.name: .*U\+0007/.test(err.message) &&
        /wrapupReasons\[0\]\.id: .*U\+0000/.test(err.message),
    );
  });
});
