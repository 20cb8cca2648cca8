import { adminQueueAnswerSchema, adminQueueListSchema, createQueueBody, updateQueueBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminQueues } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRouter, resourceRoutes } from './admin-common.js';

const routes = resourceRoutes({
  name: 'Queue',
  list: [adminQueueListSchema, 'Every queue, retired ones too'],
  create: [createQueueBody, adminQueueAnswerSchema, 'Create a queue; it appears on open boards of the scopes that take it'],
  update: [updateQueueBody, adminQueueAnswerSchema, 'Change a queue’s names, location or thresholds (the fields sent)'],
  end: ['retire', 'Retire a queue: it leaves the floor, every assignment, scope and wallboard; history keeps its name (409 `calls_waiting` while calls wait)'],
});

export function adminQueueRoutes(s: Services) {
  const admin = s.admin.directory;
  return adminRouter(s)
    .openapi(routes.list, async (c) => c.json({ queues: await adminQueues(s.store) }, 200))
    .openapi(routes.create, async (c) => c.json({ queue: await admin.createQueue(actorOf(c.var.principal), c.req.valid('json')) }, 201))
    .openapi(routes.update, async (c) => c.json({ queue: await admin.updateQueue(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(routes.end, async (c) => c.json({ queue: await admin.retireQueue(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
