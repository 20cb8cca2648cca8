import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseDirectoryFile } from '../../server/directory/directory-file.js';
import { directoryFileProblems as problems } from './directory-file-problems.js';
import { localName } from '../../common/local-name.js';
import { DAY, handComputedDay } from './hand-computed-day.js';
import { centre, startHarness, type Harness } from './harness.js';
import { downloadRecords, readyReport } from './report-helpers.js';

type Json = Record<string, any>;

/** The small test centre with translations on one queue, one wrap-up reason and the state reasons. */
const translated = {
  ...centre,
  queues: centre.queues.map((q) => (q.id === 'q-sales' ? { ...q, names: { 'zh-CN': '销售' } } : q)),
  wrapupReasons: centre.wrapupReasons.map((r) => (r.id === 'w-resolved' ? { ...r, names: { 'zh-CN': '问题已解决' } } : r)),
  stateReasons: [{ name: 'Break', names: { 'zh-CN': '休息' } }, { name: 'Lunch' }],
};

describe('directory translations: the file', () => {
  it('accepts a file without translations, as before', () => {
    const file = parseDirectoryFile(centre, 'centre.json');
    assert.equal(file.queues[0]!.names, undefined);
    assert.deepEqual(file.stateReasons, []);
  });

  it('names the field holding an unknown language', () => {
    const message = problems({ ...centre, queues: [{ ...centre.queues[0], names: { fr: 'Ventes' } }, centre.queues[1]] });
    assert.match(message, /queues\[0\]\.names\.fr: unknown language "fr"; translations are keyed by en or zh-CN/);
  });

  it('names the field holding a translation that is not a string', () => {
    const message = problems({ ...centre, wrapupReasons: [{ id: 'w-x', name: 'X', names: { 'zh-CN': 5 } }] });
    assert.match(message, /wrapupReasons\[0\]\.names\.zh-CN: Invalid input: expected string, received number/);
  });

  it('refuses a state reason listed twice', () => {
    assert.match(problems({ ...centre, stateReasons: [{ name: 'Break' }, { name: 'Break' }] }), /stateReasons\[1\]\.name: duplicate state reason "Break"/);
  });
});

describe('localName', () => {
  it('gives the translation for the language, else the name', () => {
    assert.equal(localName('Sales', { 'zh-CN': '销售' }, 'zh-CN'), '销售');
    assert.equal(localName('Sales', { 'zh-CN': '销售' }, 'en'), 'Sales');
    assert.equal(localName('Sales', {}, 'zh-CN'), 'Sales');
    assert.equal(localName('Sales', undefined, 'zh-CN'), 'Sales');
  });
});

describe('directory translations: the API', () => {
  let h: Harness;
  let sam: Record<string, string>;

  before(async () => {
    h = await startHarness({ centre: translated, env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
    await h.events(...handComputedDay().reverse());
    sam = await h.login('sam');
  });
  after(() => h.close());

  it('sends a queue’s translations beside its name in the live rows, and none for a queue without', async () => {
    const { queues } = (await (await h.get('/api/v1/queues', sam)).json()) as Json;
    const byId = new Map<string, Json>(queues.map((q: Json) => [q.queueId, q]));
    assert.deepEqual([byId.get('q-sales')!.queueName, byId.get('q-sales')!.queueNames], ['Sales', { 'zh-CN': '销售' }]);
    assert.deepEqual([byId.get('q-support')!.queueName, byId.get('q-support')!.queueNames], ['Support', {}]);
  });

  it('names a state reason typed in any of its languages by its directory name, with its translations', async () => {
    const at = Date.now();
    await h.events(
      { id: 'tr-1', type: 'agent.signed_in', at: new Date(at - 2000).toISOString(), agentId: 'a-2' },
      { id: 'tr-2', type: 'agent.state_changed', at: new Date(at - 1000).toISOString(), agentId: 'a-2', state: 'unavailable', reason: '休息' },
      { id: 'tr-3', type: 'agent.signed_in', at: new Date(at - 2000).toISOString(), agentId: 'a-3' },
      { id: 'tr-4', type: 'agent.state_changed', at: new Date(at - 1000).toISOString(), agentId: 'a-3', state: 'unavailable', reason: 'Dentist' },
    );
    const { agents } = (await (await h.get('/api/v1/agents', sam)).json()) as Json;
    const byId = new Map<string, Json>(agents.map((a: Json) => [a.agentId, a]));
    assert.deepEqual([byId.get('a-2')!.stateReason, byId.get('a-2')!.stateReasonNames], ['Break', { 'zh-CN': '休息' }]);
    assert.deepEqual([byId.get('a-3')!.stateReason, byId.get('a-3')!.stateReasonNames], ['Dentist', {}]);
  });

  it('lists the state reasons with their translations', async () => {
    const body = (await (await h.get('/api/v1/state-reasons', sam)).json()) as Json;
    assert.deepEqual(body, { stateReasons: [{ name: 'Break', names: { 'zh-CN': '休息' } }, { name: 'Lunch', names: {} }] });
  });

  it('sends wrap-up reasons’ and queues’ translations in the history', async () => {
    const range = `from=${DAY}&to=${DAY}&tz=UTC`;
    const stats = (await (await h.get(`/api/v1/stats/wrapups?${range}`, sam)).json()) as Json;
    const resolved = stats.reasonsByUse.find((r: Json) => r.reasonId === 'w-resolved');
    assert.deepEqual([resolved.reasonName, resolved.reasonNames], ['Resolved', { 'zh-CN': '问题已解决' }]);
    const calls = (await (await h.get(`/api/v1/stats/calls?${range}&by=wrapup&queue=q-sales`, sam)).json()) as Json;
    assert.ok(calls.calls.length > 0);
    for (const c of calls.calls) assert.deepEqual(c.queueNames, { 'zh-CN': '销售' });
  });

  it('writes a zh-CN report with the reasons’ translations, falling back to the name', async () => {
    const report = await readyReport(h, sam, { from: DAY, to: DAY, tz: 'UTC', lang: 'zh-CN' });
    const reasons = (await downloadRecords(h, sam, report.id)).slice(1).map((r) => r[5]);
    assert.deepEqual(reasons, ['问题已解决', 'Follow-up needed', '问题已解决', '问题已解决']);
  });
});
