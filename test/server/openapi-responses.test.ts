import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { documentCheck } from './openapi-responses.js';
import { startHarness, type Harness } from './harness.js';

/**
 * The check every harness runs on the app's answers (openapi-responses.ts): what it accepts and
 * what it refuses, on the document the server serves. Its verdicts on the whole server suite
 * come from that suite itself.
 */
describe('holding responses against the OpenAPI document', () => {
  let h: Harness;
  let doc: ReturnType<typeof documentCheck>;
  before(async () => {
    h = await startHarness();
    doc = documentCheck(await (await h.get('/api/v1/openapi.json')).text());
  });
  after(() => h.close());

  const JSON_TYPE = 'application/json';
  const operation = (method: string, path: string) => {
    const op = doc.operation(method, path);
    assert.ok(op, `${method} ${path} is an operation`);
    return op;
  };

  it('finds the operation of a request path, literal segments before parameters', () => {
    assert.equal(operation('GET', '/api/v1/queues/trend').route, 'GET /queues/trend');
    assert.equal(operation('DELETE', '/api/v1/agents/a-1/queues/q-sales').route, 'DELETE /agents/{id}/queues/{queueId}');
    assert.equal(doc.operation('GET', '/widgets/fv-agent-list.js'), undefined);
  });

  it('accepts a conversation with no message yet, its lastMessage null as the server sends it', () => {
    const conversation = { agentId: 'a-1', agentName: 'Ann', supervisorId: 'sam', supervisorName: 'Sam', unread: 0, lastMessage: null };
    assert.equal(doc.problem(operation('GET', '/api/v1/conversations'), 200, JSON_TYPE, { conversations: [conversation] }), null);
  });

  it('refuses a status the operation does not document, naming the route', () => {
    assert.match(doc.problem(operation('GET', '/api/v1/agents'), 418, JSON_TYPE, {}) ?? '', /^GET \/agents answered 418, which it does not document/);
  });

  it('refuses a body its schema does not accept, naming the route and the field', () => {
    const problem = doc.problem(operation('GET', '/api/v1/agents'), 200, JSON_TYPE, { agents: [{ agentId: 1 }], serverTime: 'now' });
    assert.match(problem ?? '', /^GET \/agents 200: the body does not match the document: \/agents\/0/);
  });

  it('refuses a snapshot without its rows, and a delta row without its id', () => {
    assert.match(doc.componentProblem('StreamMessage', { id: '1', event: 'snapshot', data: { serverTime: 'now' } }) ?? '', /StreamMessage/);
    assert.equal(doc.componentProblem('StreamMessage', { id: '1', event: 'snapshot', data: { agents: [], queues: [], serverTime: 'now' } }), null);
    assert.match(doc.componentProblem('StreamMessage', { id: '1', event: 'delta', data: { agents: [{ state: 'available' }], serverTime: 'now' } }) ?? '', /StreamMessage/);
    assert.equal(doc.componentProblem('StreamMessage', { id: '1', event: 'delta', data: { agents: [{ agentId: 'a-1', state: 'available' }], serverTime: 'now' } }), null);
  });
});
