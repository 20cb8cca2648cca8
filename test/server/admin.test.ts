import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DirectoryChangePage } from '../../contract/admin.js';
import { call } from './admin-helpers.js';
import { centre, eventFactory, INTEGRATION, startHarness, type Harness } from './harness.js';

/**
 * Directory administration (issue 12 point 4): what the routes change, what they refuse, the
 * audit of every change, and which wins when the directory file and an admin disagree.
 */

describe('directory administration', () => {
  let h: Harness;
  let sam: Record<string, string>;
  before(async () => {
    h = await startHarness();
    sam = await h.login('sam');
  });
  after(() => h.close());

  it('creates a queue that every service sees at once, and audits who made it', async () => {
    const created = await call(h, 'POST', '/queues', sam, { id: 'q-billing', name: 'Billing', names: { 'zh-CN': '账单' }, serviceLevelSeconds: 15 });
    assert.equal(created.status, 201);
    assert.deepEqual(created.json.queue, {
      id: 'q-billing',
      name: 'Billing',
      names: { 'zh-CN': '账单' },
      location: null,
      serviceLevelSeconds: 15,
      shortAbandonSeconds: 5,
      serviceLevelTarget: 0.8,
      retiredAt: null,
    });
    assert.equal(h.services.directory.queues.get('q-billing')?.name, 'Billing');
    const audit = (await call(h, 'GET', '/audit?limit=1', sam)).json as DirectoryChangePage;
    assert.deepEqual(
      { ...audit.entries[0], id: 0, at: '' },
      { id: 0, at: '', actor: { id: 's-sam', name: 'Sam' }, action: 'create', resource: 'queue', resourceId: 'q-billing', before: null, after: created.json.queue },
    );
  });

  it('names every bad field of a create at once', async () => {
    const res = await call(h, 'POST', '/agents', sam, { id: 'has space', name: '', email: 'nope', members: ['1001'], queues: 'q-sales', extra: 1 });
    assert.equal(res.status, 400);
    assert.deepEqual(Object.keys(res.json.error.fields).sort(), ['(body)', 'email', 'id', 'members[0]', 'name', 'queues']);
  });

  it('refuses conflicts with 409: an id in use, an email in use, another agent’s interface, a queue not in use', async () => {
    const refused = [
      await call(h, 'POST', '/queues', sam, { id: 'q-sales', name: 'Sales again' }),
      await call(h, 'POST', '/supervisors', sam, { id: 's-new', name: 'New', email: 'AVA@example.com' }),
      await call(h, 'POST', '/agents', sam, { id: 'a-9', name: 'Nine', members: ['PJSIP/2001'] }).then(async (first) => {
        assert.equal(first.status, 201);
        return call(h, 'POST', '/agents', sam, { id: 'a-10', name: 'Ten', members: ['pjsip/2001'] });
      }),
      await call(h, 'PATCH', '/supervisors/s-ben', sam, { queues: ['q-support', 'q-nowhere'] }),
    ];
    assert.deepEqual(
      refused.map((r) => [r.status, r.json.error.code]),
      [
        [409, 'id_in_use'],
        [409, 'email_in_use'],
        [409, 'interface_in_use'],
        [409, 'unknown_queue'],
      ],
    );
    assert.match(refused[3]!.json.error.message, /"q-nowhere"/);
  });

  it('answers 404 for an unknown id, and keeps the last admin an admin', async () => {
    assert.equal((await call(h, 'PATCH', '/queues/q-nowhere', sam, { name: 'X' })).status, 404);
    assert.equal((await call(h, 'POST', '/wrapup-reasons/w-nowhere/retire', sam)).status, 404);
    const demoted = await call(h, 'PATCH', '/supervisors/s-sam', sam, { isAdmin: false });
    assert.deepEqual([demoted.status, demoted.json.error.code], [409, 'last_admin']);
  });

  it('refuses to retire a queue with calls waiting, then retires it once they are gone; history keeps its name', async () => {
    await call(h, 'POST', '/queues', sam, { id: 'q-short', name: 'Short-lived' });
    await call(h, 'PUT', '/agents/a-2/queues/q-short', sam);
    const ev = eventFactory();
    await h.events(ev('call.queued', 0, { callId: 'c-short', queueId: 'q-short' }));
    const busy = await call(h, 'POST', '/queues/q-short/retire', sam);
    assert.deepEqual([busy.status, busy.json.error.code], [409, 'calls_waiting']);
    await h.events(ev('call.ended', 1, { callId: 'c-short', by: 'caller' }));
    const retired = await call(h, 'POST', '/queues/q-short/retire', sam);
    assert.equal(retired.status, 200);
    assert.ok(retired.json.queue.retiredAt);
    assert.equal(h.services.directory.queues.has('q-short'), false);
    assert.equal(h.services.directory.nameOfQueue('q-short').name, 'Short-lived');
    assert.deepEqual(h.services.directory.agents.get('a-2')?.queues, ['q-sales'], 'the retired queue left the assignment');
    assert.equal((await call(h, 'PATCH', '/queues/q-short', sam, { name: 'Back' })).json.error.code, 'retired');
  });

  it('shows an integration key’s secret once, and refuses ingestion with it once revoked', async () => {
    const created = await call(h, 'POST', '/integration-keys', sam, { id: 'crm', label: 'CRM' });
    assert.equal(created.status, 201);
    const secret = created.json.secret as string;
    assert.ok(secret.length >= 40);
    const listed = await call(h, 'GET', '/integration-keys', sam);
    assert.ok(!JSON.stringify(listed.json).includes(secret), 'the list never shows a secret');
    assert.deepEqual(
      listed.json.integrationKeys.map((k: { id: string; label: string }) => [k.id, k.label]),
      [
        ['crm', 'CRM'],
        ['pbx', 'pbx'],
      ],
    );
    const event = eventFactory()('agent.signed_in', 0, { agentId: 'a-1' });
    const post = (key: string) => h.app.request('/api/v1/events', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ events: [event] }) });
    assert.equal((await post(secret)).status, 200);
    assert.equal((await call(h, 'POST', '/integration-keys/crm/revoke', sam)).status, 200);
    assert.equal((await post(secret)).status, 401);
    assert.equal((await post(INTEGRATION.authorization.slice('Bearer '.length))).status, 200, 'the other key still works');
  });

  it('sets, changes and removes a supervisor’s password; without one only the identity provider signs them in', async () => {
    const login = (password: string) => h.post('/api/v1/auth/login', { email: 'dee@example.com', password });
    await call(h, 'POST', '/supervisors', sam, { id: 's-dee', name: 'Dee', email: 'Dee@example.com', queues: ['q-sales'] });
    assert.equal((await login('dee-password')).status, 401);
    const withPassword = await call(h, 'PATCH', '/supervisors/s-dee', sam, { password: 'dee-password' });
    assert.equal(withPassword.json.supervisor.hasPassword, true);
    assert.equal((await login('dee-password')).status, 200);
    await call(h, 'PATCH', '/supervisors/s-dee', sam, { password: null });
    assert.equal((await login('dee-password')).status, 401);
    const audit = (await call(h, 'GET', '/audit?limit=3', sam)).json as DirectoryChangePage;
    assert.ok(!JSON.stringify(audit).includes('scrypt'), 'no password hash in the audit');
  });

  it('checks changes made at the same moment one after the other: one is made, the other refused with 409', async () => {
    const at = (...requests: Promise<{ status: number; json: any }>[]) =>
      Promise.all(requests).then((answers) => answers.map((a) => [a.status, a.json.error?.code ?? null]).sort());
    assert.deepEqual(
      await at(call(h, 'POST', '/wrapup-reasons', sam, { id: 'w-twice', name: 'One' }), call(h, 'POST', '/wrapup-reasons', sam, { id: 'w-twice', name: 'Two' })),
      [
        [201, null],
        [409, 'id_in_use'],
      ],
    );
    assert.deepEqual(
      await at(
        call(h, 'POST', '/agents', sam, { id: 'a-kim', name: 'Kim', email: 'desk@example.com' }),
        call(h, 'POST', '/agents', sam, { id: 'a-lee', name: 'Lee', email: 'DESK@example.com' }),
      ),
      [
        [201, null],
        [409, 'email_in_use'],
      ],
    );
  });

  it('pages the audit newest first', async () => {
    const first = (await call(h, 'GET', '/audit?limit=2', sam)).json as DirectoryChangePage;
    const second = (await call(h, 'GET', `/audit?limit=2&before=${first.nextBefore}`, sam)).json as DirectoryChangePage;
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    assert.equal(ids.length, 4);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    assert.equal(new Set(ids).size, 4);
  });
});

describe('the directory file and an admin’s edits', () => {
  it('keeps an admin’s edits across a restart, and imports the file again only when it changed', async () => {
    let h = await startHarness();
    const dir = h.dir;
    let sam = await h.login('sam');
    await call(h, 'PATCH', '/queues/q-sales', sam, { name: 'Sales (renamed by an admin)' });
    await call(h, 'POST', '/queues', sam, { id: 'q-admin', name: 'Made by an admin' });
    await h.close({ keepFiles: true });

    h = await startHarness({ dir });
    assert.equal(h.services.directory.queues.get('q-sales')?.name, 'Sales (renamed by an admin)', 'the same file does not undo the edit');
    assert.ok(h.services.directory.queues.has('q-admin'));
    await h.close({ keepFiles: true });

    const edited = { ...centre, queues: centre.queues.map((q) => (q.id === 'q-support' ? { ...q, name: 'Support (file)' } : q)) };
    h = await startHarness({ dir, centre: edited });
    sam = await h.login('sam');
    assert.equal(h.services.directory.queues.get('q-support')?.name, 'Support (file)', 'a changed file is imported');
    assert.equal(h.services.directory.queues.get('q-sales')?.name, 'Sales', 'for the entries it lists, the file wins');
    assert.ok(h.services.directory.queues.has('q-admin'), 'entries only an admin made stay');
    await h.close();
  });
});
