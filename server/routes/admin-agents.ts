import { z } from '@hono/zod-openapi';
import { adminAgentAnswerSchema, adminAgentListSchema, createAgentBody, updateAgentBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminAgents } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRoute, adminRouter, idParams, resourceRoutes } from './admin-common.js';
import { errors, json, jsonBody } from './openapi-common.js';

const assignmentParams = idParams.extend({ queueId: z.string().min(1).max(200).openapi({ param: { name: 'queueId', in: 'path' } }) });

const routes = resourceRoutes({
  name: 'Agent',
  list: [adminAgentListSchema, 'Every agent with their queues and PBX interfaces, retired ones too'],
  create: [createAgentBody, adminAgentAnswerSchema, 'Create an agent (409 `id_in_use`, `email_in_use`, `interface_in_use`, `unknown_queue`)'],
  update: [updateAgentBody, adminAgentAnswerSchema, 'Change an agent (the fields sent); new queues move the agent on every board at once'],
  end: ['retire', 'Retire an agent: off the floor and the desk, interfaces freed; history keeps the name'],
});

const assign = adminRoute({
  method: 'put',
  operationId: 'adminAssignQueue',
  path: '/{id}/queues/{queueId}',
  summary: 'Assign the agent to a queue (the directory’s assignment, not a platform command)',
  request: { params: assignmentParams },
  responses: { 200: json(adminAgentAnswerSchema, 'The agent.'), ...errors(400, 404, 409) },
});

const unassign = adminRoute({
  method: 'delete',
  operationId: 'adminUnassignQueue',
  path: '/{id}/queues/{queueId}',
  summary: 'Take a queue from the agent’s assignments',
  request: { params: assignmentParams },
  responses: { 200: json(adminAgentAnswerSchema, 'The agent.'), ...errors(400, 404, 409) },
});

export function adminAgentRoutes(s: Services) {
  const people = s.admin.people;
  return adminRouter(s)
    .openapi(routes.list, async (c) => c.json({ agents: await adminAgents(s.store) }, 200))
    .openapi(routes.create, async (c) => c.json({ agent: await people.createAgent(actorOf(c.var.principal), c.req.valid('json')) }, 201))
    .openapi(routes.update, async (c) => c.json({ agent: await people.updateAgent(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(assign, async (c) => {
      const { id, queueId } = c.req.valid('param');
      return c.json({ agent: await people.assign(actorOf(c.var.principal), id, queueId, true) }, 200);
    })
    .openapi(unassign, async (c) => {
      const { id, queueId } = c.req.valid('param');
      return c.json({ agent: await people.assign(actorOf(c.var.principal), id, queueId, false) }, 200);
    })
    .openapi(routes.end, async (c) => c.json({ agent: await people.retireAgent(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
