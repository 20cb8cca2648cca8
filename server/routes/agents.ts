import { createRoute, z } from '@hono/zod-openapi';
import { asSupervisor, requireViewer } from '../auth/middleware.js';
import { agentInScope } from '../auth/principal.js';
import type { CommandRequest } from '../commands/command-service.js';
import { forbidden, notFound } from '../lib/errors.js';
import { agentsInScope, scopedRows } from '../floor/scoped-rows.js';
import type { Services } from '../wiring/services.js';
import { commandAcceptedSchema, monitorBody, stateBody } from '../../contract/commands.js';
import { agentListSchema, agentRowSchema } from '../../contract/live.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, jsonBody, router } from './openapi-common.js';

const agentParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) });
const queueParam = agentParam.extend({
  queueId: z.string().min(1).max(200).openapi({ param: { name: 'queueId', in: 'path' } }),
});
const accepted = json(
  commandAcceptedSchema,
  'Sent to the telephony platform. The effect arrives on the stream as the platform confirms it.',
);
const commandErrors = errors(400, 401, 403, 404, 409, 502, 503);

const listAgents = createRoute({
  method: 'get',
  operationId: 'listAgents',
  path: '/',
  tags: ['Live'],
  summary: 'Live agent rows within your scope',
  security: bearerSecurity,
  responses: { 200: json(agentListSchema, 'Live agents.'), ...errors(401) },
});

const getAgent = createRoute({
  method: 'get',
  operationId: 'getAgent',
  path: '/{id}',
  tags: ['Live'],
  summary: 'One live agent row',
  security: bearerSecurity,
  request: { params: agentParam },
  responses: { 200: json(agentRowSchema, 'The agent.'), ...errors(401, 403, 404) },
});

const command = <P extends string, Q extends typeof agentParam>(operationId: string, method: 'post' | 'put' | 'delete', path: P, summary: string, params: Q) =>
  createRoute({
    method,
    operationId,
    path,
    tags: ['Supervisor commands'],
    summary,
    security: bearerSecurity,
    request: { params },
    responses: { 202: accepted, ...commandErrors },
  });

const commandWithBody = <P extends string, B extends z.ZodType>(operationId: string, path: P, summary: string, body: B) =>
  createRoute({
    method: 'post',
    operationId,
    path,
    tags: ['Supervisor commands'],
    summary,
    security: bearerSecurity,
    request: { params: agentParam, body: jsonBody(body) },
    responses: { 202: accepted, ...commandErrors },
  });

const setState = commandWithBody('setAgentState', '/{id}/state', 'Change the agent’s state', stateBody);
const signOut = command('signOutAgent', 'post', '/{id}/sign-out', 'Sign the agent out', agentParam);
const joinQueue = command('joinQueue', 'put', '/{id}/queues/{queueId}', 'Join the agent to an assigned queue', queueParam);
const leaveQueue = command('leaveQueue', 'delete', '/{id}/queues/{queueId}', 'Take the agent out of a queue', queueParam);
const monitor = commandWithBody('monitorAgent', '/{id}/monitor', 'Monitor, coach or barge in on the agent’s call (or switch mode)', monitorBody);
const endMonitor = command('endMonitor', 'delete', '/{id}/monitor', 'End monitoring', agentParam);

export function agentRoutes(s: Services) {
  const app = router();
  app.use('*', limitBody(), requireViewer(s.auth));
  const run = async (principal: Parameters<typeof asSupervisor>[0], agentId: string, req: CommandRequest) =>
    s.commands.execute(asSupervisor(principal), agentId, req);

  return app
    .openapi(listAgents, (c) => {
      const now = s.clock();
      const scope = c.var.principal.scope;
      const { agents } = scopedRows(s.floor, scope, agentsInScope(s.floor, scope), [], now);
      return c.json({ agents, serverTime: new Date(now).toISOString() }, 200);
    })
    .openapi(getAgent, (c) => {
      const { id } = c.req.valid('param');
      if (!s.directory.agents.has(id)) throw notFound(`Agent "${id}"`);
      if (!agentInScope(s.directory, c.var.principal.scope, id)) throw forbidden(`Agent "${id}" is not in any of your queues.`);
      const { agents } = scopedRows(s.floor, c.var.principal.scope, [id], [], s.clock());
      return c.json(agents[0]!, 200);
    })
    .openapi(setState, async (c) => {
      const { state, reason } = c.req.valid('json');
      return c.json(await run(c.var.principal, c.req.valid('param').id, { kind: 'set_state', state, reason }), 202);
    })
    .openapi(signOut, async (c) => c.json(await run(c.var.principal, c.req.valid('param').id, { kind: 'sign_out' }), 202))
    .openapi(joinQueue, async (c) => {
      const { id, queueId } = c.req.valid('param');
      return c.json(await run(c.var.principal, id, { kind: 'join_queue', queueId }), 202);
    })
    .openapi(leaveQueue, async (c) => {
      const { id, queueId } = c.req.valid('param');
      return c.json(await run(c.var.principal, id, { kind: 'leave_queue', queueId }), 202);
    })
    .openapi(monitor, async (c) => {
      const { mode } = c.req.valid('json');
      return c.json(await run(c.var.principal, c.req.valid('param').id, { kind: 'monitor', mode }), 202);
    })
    .openapi(endMonitor, async (c) => c.json(await run(c.var.principal, c.req.valid('param').id, { kind: 'end_monitor' }), 202));
}
