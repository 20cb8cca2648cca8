import { adminQueueAnswerSchema, adminQueueListSchema, createQueueBody, updateQueueBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminQueues } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRoute, adminRouter, idParams } from './admin-common.js';
import { errors, json, jsonBody } from './openapi-common.js';

const list = adminRoute({
  method: 'get',
  operationId: 'adminListQueues',
  path: '/',
  summary: 'Every queue, retired ones too',
  responses: { 200: json(adminQueueListSchema, 'Queues.') },
});

const create = adminRoute({
  method: 'post',
  operationId: 'adminCreateQueue',
  path: '/',
  summary: 'Create a queue; it appears on open boards of the scopes that hold it',
  request: { body: jsonBody(createQueueBody) },
  responses: { 201: json(adminQueueAnswerSchema, 'The queue.'), ...errors(400, 409) },
});

const update = adminRoute({
  method: 'patch',
  operationId: 'adminUpdateQueue',
  path: '/{id}',
  summary: 'Change a queue’s names, location or thresholds (the fields sent)',
  request: { params: idParams, body: jsonBody(updateQueueBody) },
  responses: { 200: json(adminQueueAnswerSchema, 'The queue.'), ...errors(400, 404, 409) },
});

const retire = adminRoute({
  method: 'post',
  operationId: 'adminRetireQueue',
  path: '/{id}/retire',
  summary: 'Retire a queue: it leaves the floor, every assignment, scope and wallboard; history keeps its name',
  description: '409 `calls_waiting` while calls wait in it.',
  request: { params: idParams },
  responses: { 200: json(adminQueueAnswerSchema, 'The queue, retired.'), ...errors(400, 404, 409) },
});

export function adminQueueRoutes(s: Services) {
  const admin = s.admin.directory;
  return adminRouter(s)
    .openapi(list, (c) => c.json({ queues: adminQueues(s.db) }, 200))
    .openapi(create, (c) => c.json({ queue: admin.createQueue(actorOf(c.var.principal), c.req.valid('json')) }, 201))
    .openapi(update, (c) => c.json({ queue: admin.updateQueue(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(retire, (c) => c.json({ queue: admin.retireQueue(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
